package org.mlmdkb.search;

/**
 * Field names of the index and the query-time boosts of the text fields. Every document type
 * (paper, method, dataset, article) fills the same text fields, so one query ranks them together.
 */
final class IndexFields {

  /** "paper:12", "method:3": the database key each document is updated and deleted by. */
  static final String KEY = "key";

  /** paper, method, dataset, article. */
  static final String TYPE = "type";

  /** The id on the wire: a paper's number, the slug of anything else. */
  static final String REF = "ref";

  static final String TITLE = "title";
  static final String NAMES = "names";
  static final String BODY = "body";
  static final String EXTRA = "extra";
  static final String AUTHORS = "authors";
  static final String TAGS = "tags";

  /** Unstemmed words of titles, abstracts and names: the spell checker's dictionary. */
  static final String SPELL = "spell";

  /** Unstemmed words of paper titles, for completion. */
  static final String SUGGEST_TITLE = "suggest_title";

  /** Identifier forms (ParsedQuery.ident) of a method's or dataset's name and aliases. */
  static final String IDENT = "ident";

  /** "method:nequip" for each method or dataset a paper introduces. */
  static final String INTRODUCES = "introduces";

  // Paper filters (keyword fields, exact values).
  static final String YEAR = "year";
  static final String VENUE_KEY = "venue_key";
  static final String TAG = "tag";
  static final String METHOD = "method";
  static final String DATASET = "dataset";
  static final String HAS_CODE = "has_code";
  static final String AUTHOR_KEY = "author_key";
  static final String ADDED_AT = "added_at";

  /** The item's embedding (HNSW graph), for search by meaning; absent until it is embedded. */
  static final String VECTOR = "vector";

  /** Separates a facet value from its label inside one facet string. */
  static final char LABEL_SEPARATOR = '\u001f';

  // BM25 boosts. A title or a method/dataset name says what a document is about (3); the names of
  // the methods and datasets a paper introduces or uses are curated links, almost as strong (2);
  // authors are matched as written and are the usual known-item clue (1.5); abstracts, tags and
  // descriptions are the base (1); venue and article bodies are long or generic (0.5).
  static final float TITLE_BOOST = 3f;
  static final float NAMES_BOOST = 2f;
  static final float AUTHORS_BOOST = 1.5f;
  static final float BODY_BOOST = 1f;
  static final float TAGS_BOOST = 1f;
  static final float EXTRA_BOOST = 0.5f;

  private IndexFields() {}
}
