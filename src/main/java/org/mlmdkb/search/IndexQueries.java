package org.mlmdkb.search;

import static org.mlmdkb.search.IndexFields.*;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
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

  // Score tiers. Words are OR-ed, so a query never comes back empty while one word matches; the
  // tiers are constant scores added on top of BM25, each far above what the tiers below it and BM25
  // can add (BM25 sums stay in the tens, far below 1,000), so they order the hits first and BM25
  // orders each tier.

  /** A method or dataset named by the query (or a run of its words) is what was asked for. */
  static final float EXACT_ENTITY = 1_000_000f;

  /**
   * Each clause a document meets: documents meeting every clause rank first, then those missing
   * one, and so on (16 clauses at most stay below EXACT_ENTITY).
   */
  static final float MATCHED_CLAUSE = 10_000f;

  /**
   * The paper introducing a named method or dataset (its document holds the names of what it
   * introduces, so it meets the name's clauses): first among the documents meeting as many clauses,
   * right after the entity itself; "SOAP Bartók 2013" still asks first for a paper of 2013 by
   * Bartók.
   */
  static final float INTRODUCING_PAPER = 4_000f;

  /** Every clause in a title or name: orders the documents meeting every clause. */
  static final float ALL_TERMS_IN_TITLE = 2_000f;

  /**
   * The other forms of a multi-word synonym or name ("machine learning force field" → MLFF) count
   * little in the BM25 part: their words already count one by one. As a clause met, a form stands
   * for each of its words.
   */
  static final float SYNONYM_PHRASE = 0.3f;

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
          YEAR_TEXT, YEAR_BOOST,
          VENUE, VENUE_BOOST,
          EXTRA, EXTRA_BOOST);

  private static final Map<String, Float> TITLE_FIELDS =
      Map.of(TITLE, TITLE_BOOST, NAMES, NAMES_BOOST);

  /**
   * Where the other forms of a synonym or name are sought: prose and names. An author's name, a
   * venue or a year never holds "machine learning interatomic potential", and each field searched
   * costs a phrase query per form.
   */
  private static final Map<String, Float> FORM_FIELDS =
      Map.of(
          TITLE, TITLE_BOOST,
          NAMES, NAMES_BOOST,
          BODY, BODY_BOOST,
          TAGS, TAGS_BOOST,
          EXTRA, EXTRA_BOOST);

  private final QueryBuilder builder;

  /**
   * Whether a multi-word form of a curated synonym is matched by its key in the concept fields
   * (searching) or as a phrase (snippets, whose highlighter marks the words of the prose fields).
   */
  private final boolean byConcept;

  /** Queries that match multi-word synonym forms by their key (IndexFields.CONCEPT_SOURCES). */
  IndexQueries(Analyzer analyzer) {
    this(analyzer, true);
  }

  IndexQueries(Analyzer analyzer, boolean byConcept) {
    this.builder = new QueryBuilder(analyzer);
    this.byConcept = byConcept;
  }

  /**
   * One clause: its alternatives (synonyms, corrections, and the typo alternatives {@link #fuzzy}
   * made for it) over every text field.
   */
  Query clause(Clause clause, List<Query> fuzzy) {
    // A set: the forms of one synonym share their concept query.
    Collection<Query> alternatives = new LinkedHashSet<>();
    for (ParsedQuery.Term term : clause.terms()) {
      Query q = acrossFields(term.text(), term.quoted());
      if (q != null) {
        alternatives.add(q);
      }
    }
    alternatives.addAll(fuzzy);
    return bestOf(alternatives);
  }

  /**
   * Typo tolerance for a word the index does not know ({@code word} folded as the spell field is):
   * its known neighbours, at half weight. Made once per request (IndexSearch.typos, which rewrites
   * it while the spell checker runs) and shared by every query holding the clause, so that it is
   * rewritten (its automata built) once (RewriteOnce).
   */
  static Query fuzzy(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    return new BoostQuery(
        new RewriteOnce(
            new FuzzyQuery(new Term(SPELL, w), w.length() >= 6 ? 2 : 1, 1, FUZZY_EXPANSIONS, true)),
        0.5f);
  }

  /**
   * A clause counts once, by its best-matching alternative: a paper holding both "SOAP" and "Smooth
   * Overlap of Atomic Positions" is not twice as much about SOAP.
   */
  private static Query bestOf(Collection<Query> alternatives) {
    if (alternatives.isEmpty()) {
      return null;
    }
    return alternatives.size() == 1
        ? alternatives.iterator().next()
        : new DisjunctionMaxQuery(alternatives, TIE_BREAKER);
  }

  /** One clause in titles and names only (for the all-words-in-the-title bonus). */
  Query clauseInTitle(Clause clause) {
    Collection<Query> alternatives = new LinkedHashSet<>();
    for (ParsedQuery.Term term : clause.terms()) {
      Query q = acrossFields(term.text(), term.quoted(), TITLE_FIELDS);
      if (q != null) {
        alternatives.add(q);
      }
    }
    return bestOf(alternatives);
  }

  /** Any of {@code forms}, each a phrase, in the prose and name fields (FORM_FIELDS). */
  Query formsAnywhere(List<String> forms) {
    return forms(forms, FORM_FIELDS);
  }

  /** Any of {@code forms}, each a phrase, in titles and names. */
  Query formsInTitle(List<String> forms) {
    return forms(forms, TITLE_FIELDS);
  }

  private Query forms(List<String> forms, Map<String, Float> fields) {
    Set<Query> each = new LinkedHashSet<>();
    for (String form : forms) {
      Query q = acrossFields(form, true, fields);
      if (q != null) {
        each.add(q);
      }
    }
    if (each.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    each.forEach(q -> b.add(q, Occur.SHOULD));
    return b.build();
  }

  /**
   * Per clause, what meets it: the clause's own query, or any of the other forms of a span it is
   * part of ("MLIP" meets each of "machine", "learning" and "potential"); null where neither can be
   * stated (a stop word, or a title query for a word found only outside titles).
   */
  static Query[] coverage(
      Query[] perClause, List<SearchService.Span> spans, Function<List<String>, Query> forms) {
    Query[] out = perClause.clone();
    for (SearchService.Span span : spans) {
      Query other = forms.apply(span.forms());
      if (other == null) {
        continue;
      }
      for (int i = span.from(); i < span.to(); i++) {
        out[i] =
            out[i] == null
                ? other
                : new BooleanQuery.Builder()
                    .add(out[i], Occur.SHOULD)
                    .add(other, Occur.SHOULD)
                    .build();
      }
    }
    return out;
  }

  /** Every needed clause met; null when one of them cannot be. */
  static Query allOf(boolean[] needed, Query[] met) {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (int i = 0; i < needed.length; i++) {
      if (needed[i]) {
        if (met[i] == null) {
          return null;
        }
        all.add(met[i], Occur.MUST);
      }
    }
    return all.build();
  }

  Query acrossFields(String text, boolean phrase) {
    return acrossFields(text, phrase, TEXT_FIELDS);
  }

  private Query acrossFields(String text, boolean phrase, Map<String, Float> fields) {
    String key = phrase && byConcept ? Synonyms.multiWordKey(text) : null;
    if (key != null) {
      return concept(key, key.split("_").length, fields);
    }
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

  /**
   * A curated multi-word form by its key, in the concept fields beside {@code fields}; null when
   * none of them has one (authors, venue, year). It weighs as many times as it has words, as its
   * words would in a phrase, so a longer form found in a title outranks a shorter one.
   */
  private static Query concept(String key, int words, Map<String, Float> fields) {
    List<Query> perField = new ArrayList<>();
    for (Map.Entry<String, Float> f : fields.entrySet()) {
      if (CONCEPT_SOURCES.contains(f.getKey())) {
        perField.add(
            new BoostQuery(
                new TermQuery(new Term(concepts(f.getKey()), key)), f.getValue() * words));
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

  /**
   * A query matching what {@code q} matches, for counting only: its single terms gathered into one
   * term set per field, beside whatever else it holds (phrases, multi-word conjunctions, typo
   * alternatives). A disjunction of field-by-field disjunctions makes Lucene advance a heap per
   * clause for every matching document; a flat one is counted a window of documents at a time. For
   * common words, counting is a third of a keyword search.
   */
  static Query forCounting(Query q) {
    Map<String, Set<BytesRef>> terms = new TreeMap<>();
    List<Query> others = new ArrayList<>();
    gather(q, terms, others);
    if (terms.isEmpty() && others.size() == 1) {
      return others.get(0);
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    terms.forEach((field, values) -> b.add(new TermInSetQuery(field, values), Occur.SHOULD));
    others.forEach(o -> b.add(o, Occur.SHOULD));
    return b.build();
  }

  /** Descends through disjunctions and boosts, which do not change what matches. */
  private static void gather(Query q, Map<String, Set<BytesRef>> terms, List<Query> others) {
    if (q instanceof BoostQuery boosted) {
      gather(boosted.getQuery(), terms, others);
    } else if (q instanceof ConstantScoreQuery constant) {
      gather(constant.getQuery(), terms, others);
    } else if (q instanceof DisjunctionMaxQuery dismax) {
      dismax.getDisjuncts().forEach(d -> gather(d, terms, others));
    } else if (q instanceof BooleanQuery bool && isDisjunction(bool)) {
      bool.clauses().forEach(c -> gather(c.getQuery(), terms, others));
    } else if (q instanceof TermQuery term) {
      terms
          .computeIfAbsent(term.getTerm().field(), f -> new LinkedHashSet<>())
          .add(term.getTerm().bytes());
    } else {
      others.add(q);
    }
  }

  private static boolean isDisjunction(BooleanQuery q) {
    return q.getMinimumNumberShouldMatch() == 0
        && q.clauses().stream().allMatch(c -> c.getOccur() == Occur.SHOULD);
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

  /** The paper list's filters (a tag also matches its sub-tags; author: part of a name). */
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
