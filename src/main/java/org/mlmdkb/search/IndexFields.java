package org.mlmdkb.search;

import java.util.Set;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;

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

  /** A paper's venue as words. */
  static final String VENUE = "venue_text";

  static final String AUTHORS = "authors";
  static final String TAGS = "tags";

  /**
   * Beside each prose or name field, the keys of the curated synonyms' multi-word forms it contains
   * (Synonyms.keysIn): "title_concepts" holds "machine_learned_interatomic_potential" for a title
   * saying "Machine-learned interatomic potentials". Queries match such a form there by one term.
   */
  static final Set<String> CONCEPT_SOURCES = Set.of(TITLE, NAMES, BODY, TAGS, EXTRA);

  private static final String CONCEPTS_SUFFIX = "_concepts";

  static String concepts(String field) {
    return field + CONCEPTS_SUFFIX;
  }

  /** The publication year as a word, so that "Rupp 2012" can match a paper of 2012. */
  static final String YEAR_TEXT = "year_text";

  /**
   * Unstemmed words of titles, abstracts, names, authors, venues and tags: the spell checker's
   * dictionary, and what a query word must be absent from to count as unknown.
   */
  static final String SPELL = "spell";

  /** Unstemmed words of paper titles, for completion. */
  static final String SUGGEST_TITLE = "suggest_title";

  /** Identifier forms (ParsedQuery.ident) of a method's or dataset's name and aliases. */
  static final String IDENT = "ident";

  /** A method's or dataset's other names, stored: what a query naming it is expanded with. */
  static final String ALIAS = "alias";

  /** "method:nequip" for each method or dataset a paper introduces. */
  static final String INTRODUCES = "introduces";

  /**
   * "12\u001fJörg Behler": an author of a paper (id and name), indexed whole so completion reads
   * each segment's authors from its terms, and stored.
   */
  static final String AUTHOR_REF = "author_ref";

  /** A tag's label, stored only (a tag document has no text field). */
  static final String TAG_LABEL = "tag_label";

  /** Slugs of the tags a paper carries itself (not their ancestors), for related papers. */
  static final String DIRECT_TAG = "direct_tag";

  // Paper filters (keyword fields, exact values).
  static final String YEAR = "year";
  static final String VENUE_KEY = "venue_key";
  static final String TAG = "tag";
  static final String METHOD = "method";
  static final String DATASET = "dataset";
  static final String HAS_CODE = "has_code";
  static final String AUTHOR_KEY = "author_key";

  // Sort keys of the paper list (doc values of paper documents; PaperListIndex).

  /** A paper's id, numeric: the tie-breaker of every paper-list order. */
  static final String PAPER_ID = "paper_id";

  /** The year, 0 for none (as the list always ordered papers without a year). */
  static final String SORT_YEAR = "sort_year";

  /** PostgreSQL's lower(title), ordered by its UTF-8 bytes (see PaperListIndex). */
  static final String SORT_TITLE = "sort_title";

  /** When the paper was added, in microseconds since the epoch (PostgreSQL's precision). */
  static final String ADDED_AT = "added_at";

  /** The item's embedding (HNSW graph), for search by meaning; absent until it is embedded. */
  static final String VECTOR = "vector";

  /** Separates a facet value from its label inside one facet string. */
  static final char LABEL_SEPARATOR = '\u001f';

  // BM25 boosts. A title or a method/dataset name says what a document is about (2); the names of
  // the methods and datasets a paper introduces or uses are curated links, as strong (2); an
  // author's name is as telling as a title word, being the usual clue to a known paper (2; at 1.5
  // against titles at 3, a single title word outranked a paper matching author, year and topic);
  // abstracts, tags, descriptions, the venue and the year are the base (1); article bodies are long
  // and generic (0.5).
  static final float TITLE_BOOST = 2f;
  static final float NAMES_BOOST = 2f;
  static final float AUTHORS_BOOST = 2f;
  static final float BODY_BOOST = 1f;
  static final float TAGS_BOOST = 1f;
  static final float VENUE_BOOST = 1f;
  static final float YEAR_BOOST = 1f;
  static final float EXTRA_BOOST = 0.5f;

  /**
   * Lists and labels (authors, linked names, tags, venue, year) are not normalised by length: a
   * paper with ten authors is as much by each of them as a paper with two. Prose (titles,
   * abstracts, descriptions, article bodies) keeps BM25's default length normalisation.
   */
  private static final Set<String> UNNORMALISED = Set.of(AUTHORS, NAMES, TAGS, VENUE, YEAR_TEXT);

  private static final Similarity PROSE = new BM25Similarity();
  private static final Similarity LIST = new BM25Similarity(1.2f, 0f);

  /**
   * Whether {@code field} is scored as a list, without its length: such fields are indexed without
   * norms (IndexDocuments), which their scoring would never use but still read for every hit.
   */
  static boolean isList(String field) {
    // A form's mentions count as in a list: the concept fields hold nothing else.
    return UNNORMALISED.contains(field) || field.endsWith(CONCEPTS_SUFFIX);
  }

  /** The similarity of the index and of every searcher over it. */
  static Similarity similarity() {
    return new PerFieldSimilarityWrapper() {
      @Override
      public Similarity get(String field) {
        return isList(field) ? LIST : PROSE;
      }
    };
  }

  private IndexFields() {}
}
