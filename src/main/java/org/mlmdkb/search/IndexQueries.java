package org.mlmdkb.search;

import static org.mlmdkb.search.IndexFields.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.mlmdkb.paper.AuthorNames;
import org.mlmdkb.paper.PaperFilter;
import org.mlmdkb.paper.SlugChoice;
import org.mlmdkb.search.ParsedQuery.Clause;

/** Builds the Lucene queries of a search plan: text, knowledge-graph boosts and paper filters. */
final class IndexQueries {

  /**
   * Words are OR-ed, so a query never comes back empty while one word matches; a document matching
   * every word gets 1,000 on top of BM25 (which stays far below that), so those rank first. Below
   * them plain BM25 decides, whose IDF favours the rarer, more telling words.
   */
  static final float ALL_TERMS = 1_000f;

  /** Every word in a title or name: below ALL_TERMS, so it orders within the first tier. */
  static final float ALL_TERMS_IN_TITLE = 500f;

  /**
   * The phrase forms of a multi-word synonym ("machine learning force field" → MLFF) count little:
   * their words already count one by one, they are there to find the other forms.
   */
  static final float SYNONYM_PHRASE = 0.3f;

  /** A method or dataset named by the query (or a run of its words) is what was asked for. */
  static final float EXACT_ENTITY = 1_000_000f;

  /** The paper introducing such a method or dataset comes right after it. */
  static final float INTRODUCING_PAPER = 100_000f;

  /** Plain query words close together (slop 3) in a title or abstract outrank scattered ones. */
  static final float PROXIMITY = 5f;

  private static final int PROXIMITY_SLOP = 3;

  /** Typo tolerance for words the index does not know: bounded expansion. */
  private static final int FUZZY_EXPANSIONS = 16;

  /** DisMax: the best field counts, the others add a tenth. */
  private static final float TIE_BREAKER = 0.1f;

  private static final Map<String, Float> TEXT_FIELDS =
      Map.of(
          TITLE, TITLE_BOOST,
          NAMES, NAMES_BOOST,
          AUTHORS, AUTHORS_BOOST,
          BODY, BODY_BOOST,
          TAGS, TAGS_BOOST,
          EXTRA, EXTRA_BOOST);

  private static final Map<String, Float> TITLE_FIELDS =
      Map.of(TITLE, TITLE_BOOST, NAMES, NAMES_BOOST);

  private final QueryBuilder builder;

  IndexQueries(Analyzer analyzer) {
    this.builder = new QueryBuilder(analyzer);
  }

  /** One clause: its alternatives (synonyms, corrections, fuzzy forms) over every text field. */
  Query clause(Clause clause, List<String> fuzzyWords) {
    List<Query> alternatives = new ArrayList<>();
    for (ParsedQuery.Term term : clause.terms()) {
      Query q = acrossFields(term.text(), term.quoted());
      if (q != null) {
        alternatives.add(q);
      }
    }
    for (String word : fuzzyWords) {
      String w = word.toLowerCase(Locale.ROOT);
      alternatives.add(
          new BoostQuery(
              new FuzzyQuery(
                  new Term(SPELL, w), w.length() >= 6 ? 2 : 1, 1, FUZZY_EXPANSIONS, true),
              0.5f));
    }
    if (alternatives.isEmpty()) {
      return null;
    }
    if (alternatives.size() == 1) {
      return alternatives.get(0);
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    alternatives.forEach(a -> b.add(a, Occur.SHOULD));
    return b.build();
  }

  /** One clause in titles and names only (for the all-words-in-the-title bonus). */
  Query clauseInTitle(Clause clause) {
    List<Query> alternatives = new ArrayList<>();
    for (ParsedQuery.Term term : clause.terms()) {
      Query q = acrossFields(term.text(), term.quoted(), TITLE_FIELDS);
      if (q != null) {
        alternatives.add(q);
      }
    }
    if (alternatives.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    alternatives.forEach(a -> b.add(a, Occur.SHOULD));
    return b.build();
  }

  Query acrossFields(String text, boolean phrase) {
    return acrossFields(text, phrase, TEXT_FIELDS);
  }

  private Query acrossFields(String text, boolean phrase, Map<String, Float> fields) {
    List<Query> perField = new ArrayList<>();
    for (Map.Entry<String, Float> f : fields.entrySet()) {
      Query q =
          phrase
              ? builder.createPhraseQuery(f.getKey(), text)
              : builder.createBooleanQuery(f.getKey(), text, Occur.MUST);
      if (q != null) {
        perField.add(new BoostQuery(q, f.getValue()));
      }
    }
    return perField.isEmpty() ? null : new DisjunctionMaxQuery(perField, TIE_BREAKER);
  }

  /** The plain words as a sloppy phrase in titles and abstracts; null for fewer than two. */
  Query proximity(List<String> words) {
    if (words.size() < 2) {
      return null;
    }
    String text = String.join(" ", words);
    List<Query> perField = new ArrayList<>();
    for (String f : List.of(TITLE, BODY)) {
      Query q = builder.createPhraseQuery(f, text, PROXIMITY_SLOP);
      if (q != null) {
        perField.add(new BoostQuery(q, TEXT_FIELDS.get(f)));
      }
    }
    return perField.isEmpty() ? null : new DisjunctionMaxQuery(perField, TIE_BREAKER);
  }

  static Query constant(Query q, float score) {
    return new BoostQuery(new ConstantScoreQuery(q), score);
  }

  static Query anyOf(String field, List<String> values) {
    List<BytesRef> terms = values.stream().map(BytesRef::new).toList();
    return new TermInSetQuery(field, terms);
  }

  /** Any of the wanted slugs (a filter), none of the excluded ones (a pure exclusion). */
  private static void slugs(List<Query> out, String field, SlugChoice choice) {
    if (choice == null) {
      return;
    }
    if (!choice.anyOf().isEmpty()) {
      out.add(anyOf(field, choice.anyOf()));
    }
    if (!choice.noneOf().isEmpty()) {
      out.add(
          new BooleanQuery.Builder()
              .add(new MatchAllDocsQuery(), Occur.FILTER)
              .add(anyOf(field, choice.noneOf()), Occur.MUST_NOT)
              .build());
    }
  }

  /** The paper list's filters, with the same meaning as in SQL (PaperRepository.filters). */
  static List<Query> paperFilters(PaperFilter f) {
    List<Query> out = new ArrayList<>();
    if (f == null) {
      return out;
    }
    if (f.yearFrom() != null || f.yearTo() != null) {
      out.add(
          IntPoint.newRangeQuery(
              YEAR,
              f.yearFrom() == null ? Integer.MIN_VALUE : f.yearFrom(),
              f.yearTo() == null ? Integer.MAX_VALUE : f.yearTo()));
    }
    if (f.author() != null) {
      // Substring of a normalised author name, as the SQL filter's LIKE '%…%'.
      String needle = AuthorNames.normalize(f.author()).replaceAll("([*?\\\\])", "\\\\$1");
      out.add(new WildcardQuery(new Term(AUTHOR_KEY, "*" + needle + "*")));
    }
    if (f.venue() != null) {
      out.add(new TermQuery(new Term(VENUE_KEY, f.venue().toLowerCase(Locale.ROOT))));
    }
    // Documents carry every ancestor of their tags, so a tag matches its descendants too.
    slugs(out, TAG, SlugChoice.parse("tag", f.tag()));
    slugs(out, METHOD, SlugChoice.parse("method", f.method()));
    slugs(out, DATASET, SlugChoice.parse("dataset", f.dataset()));
    if (f.hasCode() != null) {
      out.add(new TermQuery(new Term(HAS_CODE, f.hasCode().toString())));
    }
    return out;
  }
}
