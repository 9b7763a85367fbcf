package org.mlmdkb.search;

import static org.mlmdkb.search.IndexFields.*;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryTermScorer;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.mlmdkb.common.config.KbConfig;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.paper.PaperFilter;
import org.mlmdkb.search.ParsedQuery.Clause;
import org.mlmdkb.search.SearchDtos.FacetValue;

/** Runs search plans against the Lucene index: ranked hits, exact counts, facets, snippets. */
@ApplicationScoped
public class IndexSearch {

  /** Everything a search needs besides the page: what to match, boost, filter and count. */
  record Request(
      SearchService.Plan plan,
      Set<SearchType> types,
      PaperFilter paperFilter,
      Set<String> facets,
      int facetLimit) {}

  record Hit(String type, String id, String title, double score, String snippet) {}

  record Result(
      List<Hit> hits, Map<String, Long> countsByType, Map<String, List<FacetValue>> facets) {}

  static final Sort RANKING =
      new Sort(
          SortField.FIELD_SCORE,
          new SortField(TYPE, SortField.Type.STRING),
          new SortField(REF, SortField.Type.STRING));

  private static final int SNIPPET_FRAGMENTS = 2;
  private static final int SNIPPET_FALLBACK_CHARS = 240;

  private final SearchIndex index;
  private final KbConfig config;
  private final Analyzer queryAnalyzer = SearchAnalysis.query();
  private final Analyzer highlightAnalyzer = SearchAnalysis.highlight();
  private final IndexQueries queries = new IndexQueries(queryAnalyzer);
  private final IndexQueries phrases = new IndexQueries(queryAnalyzer, false);
  private final DirectSpellChecker spell = new DirectSpellChecker();
  private final Similarity similarity = IndexFields.similarity();
  private final SideLane lane;
  private volatile ReaderState facetState;

  private record ReaderState(IndexReader reader, SortedSetDocValuesReaderState state) {}

  public IndexSearch(SearchIndex index, KbConfig config, SideLane lane) {
    this.index = index;
    this.config = config;
    this.lane = lane;
  }

  /**
   * The words of a query the index does not know: each one's closest known word (the correction,
   * absent when there is none) and its fuzzy alternative.
   */
  record Typos(Map<String, String> corrections, Map<String, Query> fuzzy) {
    static final Typos NONE = new Typos(Map.of(), Map.of());
  }

  /**
   * The typos among {@code words}. The spell checker and the fuzzy alternatives each enumerate the
   * dictionary's near neighbours of a word, 2 to 5 ms each at 100,000 papers: the alternatives are
   * rewritten (RewriteOnce keeps the result for this request) on a side lane while the spell
   * checker runs, instead of one after the other.
   */
  Typos typos(List<String> words) {
    if (words.isEmpty()) {
      return Typos.NONE;
    }
    return withSearcher(
        s -> {
          Map<String, Term> unknown = new LinkedHashMap<>();
          for (String w : words) {
            // Folded as the dictionary is: "Csányi" is the known "csanyi".
            Term t = new Term(SPELL, queryAnalyzer.normalize(SPELL, w));
            if (s.getIndexReader().docFreq(t) == 0) {
              unknown.put(w, t);
            }
          }
          if (unknown.isEmpty()) {
            return Typos.NONE; // no side lane woken for nothing
          }
          Map<String, Query> fuzzy = new LinkedHashMap<>();
          unknown.forEach((w, t) -> fuzzy.put(w, IndexQueries.fuzzy(t.text())));
          SideLane.Part<Void> rewriting = lane.start(() -> rewriteAll(s, fuzzy.values()));
          Map<String, String> corrections = rewriting.alongside(() -> corrections(s, unknown));
          rewriting.join();
          return new Typos(
              Collections.unmodifiableMap(corrections), Collections.unmodifiableMap(fuzzy));
        });
  }

  /** Rewrites each of {@code queries} once for {@code s}'s reader (they are RewriteOnce). */
  private static Void rewriteAll(IndexSearcher s, Collection<Query> queries) throws IOException {
    for (Query q : queries) {
      s.rewrite(q);
    }
    return null;
  }

  /** The spell checker's closest known word to each of {@code unknown}, where it finds one. */
  private Map<String, String> corrections(IndexSearcher s, Map<String, Term> unknown)
      throws IOException {
    Map<String, String> fixes = new LinkedHashMap<>();
    for (Map.Entry<String, Term> e : unknown.entrySet()) {
      SuggestWord[] best =
          spell.suggestSimilar(
              e.getValue(), 1, s.getIndexReader(), SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
      if (best.length > 0) {
        fixes.put(e.getKey(), best[0].string);
      }
    }
    return fixes;
  }

  Result search(Request r, int limit, int offset) {
    return withSearcher(
        s -> {
          TextQuery text = textQuery(r.plan());
          if (text == null) {
            return new Result(List.of(), Map.of(), Map.of());
          }
          // Ranking and counting apart: the ranked page alone needs scores, and without exact
          // counts Lucene skips the hits that cannot reach it (block-max WAND); the totals and
          // facets count every match of an unscored query that matches the same documents. The
          // two share nothing, so the counting runs beside the ranking and its snippets.
          SideLane.Part<Counted> counting = lane.start(() -> counted(s, r, text));
          List<Hit> hits =
              counting.alongside(
                  () -> {
                    ScoreDoc[] docs = topHits(s, r, text, Math.max(1, offset + limit));
                    checkTime(s);
                    Query marks = marks(s, text);
                    StoredFields stored = s.storedFields();
                    List<Hit> page = new ArrayList<>();
                    for (int i = offset; i < docs.length; i++) {
                      page.add(hit(stored, docs[i], marks));
                    }
                    return page;
                  });
          Counted counted = counting.join();
          checkTime(s);
          return new Result(hits, counted.byType(), counted.facets());
        });
  }

  /** A search's exact totals per type, and its facets when asked for. */
  private record Counted(Map<String, Long> byType, Map<String, List<FacetValue>> facets) {}

  private Counted counted(IndexSearcher s, Request r, TextQuery text) throws IOException {
    Query matching = matchQuery(r, text);
    List<String> asked = r.facets().stream().filter(f -> !f.equals("type")).toList();
    Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
    if (asked.isEmpty()) {
      return new Counted(countsByType(s, r, text, matching), facets);
    }
    FacetsCollector matched = s.search(matching, new FacetsCollectorManager());
    FacetCounts counts = facetCounts(s, matched);
    for (String f : asked) {
      facets.put(f, counts.values(f, r.facetLimit()));
    }
    return new Counted(countsByType(matched), facets);
  }

  /**
   * The best {@code n} hits of {@link #fullQuery}, in RANKING's order. When papers are asked for
   * and no paper filter applies (most searches), the ranked query goes without its type filter, as
   * a pure disjunction that Lucene scores window by window, and the few documents of the types not
   * asked for are left out as they are collected (TopWithoutTypes): the same hits, found in about
   * half the time for common words. Their scores may differ from the filtered query's in the last
   * float digit (the flattened sum adds in another order), so hits that tie to it may trade places.
   */
  ScoreDoc[] topHits(IndexSearcher s, Request r, TextQuery text, int n) throws IOException {
    if (!r.types().contains(SearchType.PAPER)
        || !IndexQueries.paperFilters(r.paperFilter()).isEmpty()) {
      return topByScore(s, fullQuery(r, text), n);
    }
    return scores(
        s.search(
            rankedAnyType(r, text),
            new TopWithoutTypes(RANKING, n, TYPE, typesOtherThan(r.types()))));
  }

  /** The wire names of the types not in {@code asked}: what a ranking without types leaves out. */
  static List<String> typesOtherThan(Set<SearchType> asked) {
    return Arrays.stream(SearchType.values())
        .filter(t -> !asked.contains(t))
        .map(SearchType::wire)
        .toList();
  }

  /**
   * The best {@code n} hits of {@code query} in RANKING's order (score, then type and ref, so that
   * ties keep their order across index rebuilds). A sort led by the score lets Lucene skip the hits
   * that cannot enter the top (block-max WAND) from the first full page on: the totals are counted
   * apart, so the ranking need not count past {@code n}.
   */
  static ScoreDoc[] topByScore(IndexSearcher s, Query query, int n) throws IOException {
    return scores(s.search(query, new TopFieldCollectorManager(RANKING, n, null, n)));
  }

  /** The hits of a RANKING sort, with their scores read from the sort values. */
  private static ScoreDoc[] scores(TopDocs top) {
    ScoreDoc[] docs = top.scoreDocs;
    for (ScoreDoc d : docs) {
      d.score = (Float) ((FieldDoc) d).fields[0];
    }
    return docs;
  }

  /**
   * Hits per type without facets, for a request and its {@link #matchQuery}: by {@link
   * #countsByType(IndexSearcher, Query, Set)} when only types restrict the matches (the common
   * case), else one count per type of the filtered match query.
   */
  Map<String, Long> countsByType(IndexSearcher s, Request r, TextQuery text, Query matching)
      throws IOException {
    if (IndexQueries.paperFilters(r.paperFilter()).isEmpty()) {
      return countsByType(s, matchAnyType(r, text), r.types());
    }
    return countsByFilteredType(s, matching, r.types());
  }

  /**
   * Hits per type of {@code anyType}, a query no type or filter restricts ({@link #matchAnyType}).
   * Every document has one type, and nearly all are papers; so the papers are counted as every
   * match less the other types' matches. Counting a bare disjunction lets Lucene's bulk scorer
   * gather the matches window by window, without the priority queue that a conjunction with the
   * paper filter advanced through (a quarter of a keyword search's CPU for common words); the other
   * types' counts are conjunctions led by their few hundred documents.
   */
  static Map<String, Long> countsByType(IndexSearcher s, Query anyType, Set<SearchType> types)
      throws IOException {
    Map<String, Long> out = new TreeMap<>();
    long others = 0;
    List<SearchType> unasked = new ArrayList<>();
    for (SearchType t : SearchType.values()) {
      if (t == SearchType.PAPER) {
        continue;
      }
      if (!types.contains(t)) {
        unasked.add(t);
        continue;
      }
      long n = countOfTypes(s, anyType, List.of(t));
      others += n;
      if (n > 0) {
        out.put(t.wire(), n);
      }
    }
    if (types.contains(SearchType.PAPER)) {
      // The types not asked for are subtracted together: one count rather than one per type.
      long n = s.count(anyType) - others - countOfTypes(s, anyType, unasked);
      if (n > 0) {
        out.put(SearchType.PAPER.wire(), n);
      }
    }
    return out;
  }

  private static int countOfTypes(IndexSearcher s, Query q, List<SearchType> types)
      throws IOException {
    if (types.isEmpty()) {
      return 0;
    }
    return s.count(
        new BooleanQuery.Builder()
            .add(q, Occur.FILTER)
            .add(
                IndexQueries.anyOf(TYPE, types.stream().map(SearchType::wire).toList()),
                Occur.FILTER)
            .build());
  }

  /**
   * Hits per type of a match query that filters beyond types: one count per type (the type's filter
   * leads the conjunction for the small kinds), cheaper than collecting every match to read its
   * type.
   */
  static Map<String, Long> countsByFilteredType(
      IndexSearcher s, Query matching, Set<SearchType> types) throws IOException {
    Map<String, Long> out = new TreeMap<>();
    for (SearchType t : types) {
      int n =
          s.count(
              new BooleanQuery.Builder()
                  .add(matching, Occur.FILTER)
                  .add(new TermQuery(new Term(TYPE, t.wire())), Occur.FILTER)
                  .build());
      if (n > 0) {
        out.put(t.wire(), (long) n);
      }
    }
    return out;
  }

  /** Hits per type, read from the type's doc values of every matched document. */
  static Map<String, Long> countsByType(FacetsCollector matched) throws IOException {
    Map<String, Long> out = new TreeMap<>();
    for (FacetsCollector.MatchingDocs m : matched.getMatchingDocs()) {
      SortedDocValues types = DocValues.getSorted(m.context.reader(), TYPE);
      long[] perOrd = new long[Math.max(1, types.getValueCount())];
      DocIdSetIterator it = m.bits.iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (types.advanceExact(doc)) {
          perOrd[types.ordValue()]++;
        }
      }
      for (int ord = 0; ord < types.getValueCount(); ord++) {
        if (perOrd[ord] > 0) {
          out.merge(types.lookupOrd(ord).utf8ToString(), perOrd[ord], Long::sum);
        }
      }
    }
    return out;
  }

  /** Paper titles whose words start with the typed ones (completion), at most {@code limit}. */
  List<Hit> titlesStartingWith(List<String> prefixes, int limit) {
    if (prefixes.isEmpty()) {
      return List.of();
    }
    return withSearcher(
        s -> {
          BooleanQuery.Builder b = new BooleanQuery.Builder();
          for (String p : prefixes) {
            b.add(new PrefixQuery(new Term(SUGGEST_TITLE, p)), Occur.FILTER);
          }
          b.add(new TermQuery(new Term(TYPE, "paper")), Occur.FILTER);
          TopDocs top = s.search(b.build(), limit);
          checkTime(s);
          List<Hit> out = new ArrayList<>();
          StoredFields stored = s.storedFields();
          for (ScoreDoc d : top.scoreDocs) {
            Document doc = stored.document(d.doc);
            out.add(new Hit("paper", doc.get(REF), doc.get(TITLE), d.score, null));
          }
          return out;
        });
  }

  /** Known words close to {@code word} (typo tolerance for completion). */
  List<String> similarWords(String word, int limit) {
    if (word.length() < 4) {
      return List.of();
    }
    return withSearcher(
        s -> {
          List<String> out = new ArrayList<>();
          for (SuggestWord w :
              spell.suggestSimilar(
                  new Term(SPELL, word.toLowerCase(Locale.ROOT)),
                  limit,
                  s.getIndexReader(),
                  SuggestMode.SUGGEST_MORE_POPULAR)) {
            out.add(w.string);
          }
          return out;
        });
  }

  /**
   * The ranked text query of a plan; its clauses alone (synonyms and corrections included, no
   * tiers), which match what it matches; the same clauses with synonyms as the phrases snippets
   * mark; and the score from which a hit is one keyword search is sure of: every clause met and all
   * of them in the title or name, or above (a named method or dataset, its introducing paper).
   */
  record TextQuery(Query ranked, Query clauses, Query marked, float sureScore) {}

  TextQuery textQuery(SearchService.Plan plan) {
    List<Clause> clauses = plan.clauses();
    Query[] anywhere = new Query[clauses.size()];
    Query[] inTitle = new Query[clauses.size()];
    BooleanQuery.Builder ranked = new BooleanQuery.Builder();
    BooleanQuery.Builder matched = new BooleanQuery.Builder();
    BooleanQuery.Builder marked = new BooleanQuery.Builder();
    int positive = 0;
    for (int i = 0; i < clauses.size(); i++) {
      Clause c = clauses.get(i);
      if (c.negated()) {
        continue; // exclusions apply to the whole query (fullQuery), boosts included
      }
      List<Query> typos = new ArrayList<>();
      for (ParsedQuery.Term t : c.terms()) {
        Query fuzzy = t.quoted() ? null : plan.typos().get(t.text());
        if (fuzzy != null) {
          typos.add(fuzzy);
        }
      }
      anywhere[i] = queries.clause(c, typos);
      if (anywhere[i] == null) {
        continue;
      }
      inTitle[i] = queries.clauseInTitle(c);
      matched.add(anywhere[i], Occur.SHOULD);
      marked.add(phrases.clause(c, typos), Occur.SHOULD);
      positive++;
    }
    if (positive == 0) {
      return null;
    }
    // What meets each clause: its own alternatives, or the other forms of a span it is part of.
    Query[] met = IndexQueries.coverage(anywhere, plan.spans(), queries::formsAnywhere);
    Query[] metInTitle = IndexQueries.coverage(inTitle, plan.spans(), queries::formsInTitle);
    boolean[] needed = new boolean[met.length];
    List<Clause> typed = plan.parsed().clauses();
    long typeWords = IntStream.range(0, typed.size()).filter(i -> namesAType(typed.get(i))).count();
    for (int i = 0; i < needed.length; i++) {
      needed[i] = anywhere[i] != null && (positive == typeWords || !namesAType(typed.get(i)));
    }
    Query allInTitle = IndexQueries.allOf(needed, metInTitle);
    for (SearchService.Span span : plan.spans()) {
      Query forms = queries.formsAnywhere(span.forms());
      if (forms != null) {
        ranked.add(new BoostQuery(forms, IndexQueries.SYNONYM_PHRASE), Occur.SHOULD);
        matched.add(forms, Occur.SHOULD);
        marked.add(phrases.formsAnywhere(span.forms()), Occur.SHOULD);
      }
    }
    int clauseTiers = 0;
    for (int i = 0; i < anywhere.length; i++) {
      if (anywhere[i] == null) {
        continue;
      }
      if (positive == 1 || !needed[i]) {
        ranked.add(anywhere[i], Occur.SHOULD);
      } else if (met[i] == anywhere[i]) {
        // The clause's tier on the clause itself: its postings read once (PlusWhenMatched).
        ranked.add(new PlusWhenMatched(anywhere[i], IndexQueries.MATCHED_CLAUSE), Occur.SHOULD);
        clauseTiers++;
      } else {
        // Also met by the other forms of a span it is part of, which its own score leaves out.
        ranked.add(anywhere[i], Occur.SHOULD);
        ranked.add(IndexQueries.constant(met[i], IndexQueries.MATCHED_CLAUSE), Occur.SHOULD);
        clauseTiers++;
      }
    }
    if (allInTitle != null) {
      ranked.add(IndexQueries.constant(allInTitle, IndexQueries.ALL_TERMS_IN_TITLE), Occur.SHOULD);
    }
    // Proximity of the words as meant: corrected where the spell checker corrected them.
    Map<String, String> fixes = new HashMap<>();
    plan.corrections().forEach(c -> fixes.put(c.from(), c.to()));
    List<String> words =
        plan.parsed().plainWords().stream().map(w -> fixes.getOrDefault(w, w)).toList();
    Query proximity = queries.proximity(words);
    if (proximity != null && positive > 1) {
      ranked.add(new BoostQuery(proximity, IndexQueries.PROXIMITY), Occur.SHOULD);
    }
    float sure = clauseTiers * IndexQueries.MATCHED_CLAUSE + IndexQueries.ALL_TERMS_IN_TITLE;
    return new TextQuery(ranked.build(), matched.build(), marked.build(), sure);
  }

  /**
   * A word naming a kind of result ("NequIP paper", "MD17 dataset") says what is wanted rather than
   * what it is about: it counts in BM25 but not as a clause met (unless the query has nothing
   * else), so "NequIP paper" ranks NequIP's paper with those meeting every clause.
   */
  private static boolean namesAType(Clause c) {
    if (c.negated() || c.terms().size() != 1 || c.terms().get(0).quoted()) {
      return false;
    }
    String word = c.terms().get(0).text().toLowerCase(Locale.ROOT);
    String singular = word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
    return Arrays.stream(SearchType.values()).anyMatch(t -> t.wire().equals(singular));
  }

  Query fullQuery(Request r, TextQuery text) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    BooleanQuery.Builder matching = new BooleanQuery.Builder();
    matching.add(text.ranked(), Occur.SHOULD);
    addExactEntity(matching, r);
    b.add(matching.build(), Occur.MUST);
    List<String> named = r.plan().namedEntities();
    if (!named.isEmpty()) {
      // Outside `matching`: it orders the introducing paper among the hits, it adds none.
      b.add(
          IndexQueries.constant(
              IndexQueries.anyOf(INTRODUCES, named), IndexQueries.INTRODUCING_PAPER),
          Occur.SHOULD);
    }
    addExclusionsAndFilters(b, r);
    return b.build();
  }

  /**
   * {@link #fullQuery} before types restrict it, and with no clause required: it scores every
   * document as fullQuery does. The introducing paper's bonus is a conjunction with what the text
   * matches (led by the one or two introducing papers), so that it adds no hit.
   */
  Query rankedAnyType(Request r, TextQuery text) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(text.ranked(), Occur.SHOULD);
    addExactEntity(b, r);
    List<String> named = r.plan().namedEntities();
    if (!named.isEmpty()) {
      Query introducedAndMatched =
          new BooleanQuery.Builder()
              .add(IndexQueries.anyOf(INTRODUCES, named), Occur.FILTER)
              .add(textOrIdentifier(r, text), Occur.FILTER)
              .build();
      b.add(
          IndexQueries.constant(introducedAndMatched, IndexQueries.INTRODUCING_PAPER),
          Occur.SHOULD);
    }
    addExclusions(b, r);
    return b.build();
  }

  /** A method or dataset named by the query, whatever else it meets, above every other hit. */
  private static void addExactEntity(BooleanQuery.Builder b, Request r) {
    List<String> idents = r.plan().identifiers();
    if (!idents.isEmpty()) {
      Query exact = IndexQueries.anyOf(IDENT, idents);
      b.add(IndexQueries.constant(exact, IndexQueries.EXACT_ENTITY), Occur.SHOULD);
    }
  }

  /**
   * The documents {@link #fullQuery} matches, unscored. Its ranked part adds only tiers, phrases
   * and proximity over the clauses' own words, which match nothing the clauses miss; so this counts
   * the same documents without scoring any (IndexSearchCountTest checks it on the judged set).
   */
  Query matchQuery(Request r, TextQuery text) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(matchAnyType(r, text), Occur.FILTER);
    addTypesAndFilters(b, r);
    return new ConstantScoreQuery(b.build());
  }

  /**
   * What {@link #matchQuery} matches before types and filters restrict it: the clauses' words (or a
   * named identifier), less the excluded words. A disjunction with nothing required, which {@link
   * #countsByType(IndexSearcher, Query, Set)} counts fast.
   */
  Query matchAnyType(Request r, TextQuery text) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(textOrIdentifier(r, text), Occur.SHOULD);
    addExclusions(b, r);
    return b.build();
  }

  /**
   * What the text's clauses match, or a named identifier, unscored (IndexQueries.forCounting);
   * exclusions not applied.
   */
  private static Query textOrIdentifier(Request r, TextQuery text) {
    List<String> idents = r.plan().identifiers();
    if (idents.isEmpty()) {
      return IndexQueries.forCounting(text.clauses());
    }
    return IndexQueries.forCounting(
        new BooleanQuery.Builder()
            .add(text.clauses(), Occur.SHOULD)
            .add(IndexQueries.anyOf(IDENT, idents), Occur.SHOULD)
            .build());
  }

  private void addExclusionsAndFilters(BooleanQuery.Builder b, Request r) {
    addExclusions(b, r);
    addTypesAndFilters(b, r);
  }

  private void addExclusions(BooleanQuery.Builder b, Request r) {
    for (ParsedQuery.Clause c : r.plan().clauses()) {
      if (c.negated()) {
        Query q = queries.clause(c, List.of());
        if (q != null) {
          b.add(q, Occur.MUST_NOT);
        }
      }
    }
  }

  private void addTypesAndFilters(BooleanQuery.Builder b, Request r) {
    b.add(
        IndexQueries.anyOf(TYPE, r.types().stream().map(SearchType::wire).toList()), Occur.FILTER);
    for (Query f : IndexQueries.paperFilters(r.paperFilter())) {
      b.add(f, Occur.FILTER);
    }
  }

  /** A method or dataset whose name or alias is {@code ident}; {@code names} are all its names. */
  record NamedEntity(String ident, String key, List<String> names) {}

  /** Methods and datasets named by any of {@code idents} (at most 50). */
  List<NamedEntity> entitiesNamed(Collection<String> idents) {
    if (idents.isEmpty()) {
      return List.of();
    }
    return withSearcher(
        s -> {
          List<NamedEntity> out = new ArrayList<>();
          TopDocs top = s.search(IndexQueries.anyOf(IDENT, List.copyOf(idents)), 50);
          checkTime(s);
          StoredFields stored = s.storedFields();
          for (ScoreDoc d : top.scoreDocs) {
            Document doc = stored.document(d.doc, Set.of(TYPE, REF, TITLE, ALIAS));
            List<String> names = new ArrayList<>();
            names.add(doc.get(TITLE));
            names.addAll(List.of(doc.getValues(ALIAS)));
            Set<String> forms = new LinkedHashSet<>();
            names.forEach(n -> forms.add(ParsedQuery.ident(n)));
            forms.add(ParsedQuery.ident(doc.get(REF)));
            for (String ident : idents) {
              if (forms.contains(ident)) {
                out.add(new NamedEntity(ident, doc.get(TYPE) + ":" + doc.get(REF), names));
              }
            }
          }
          return out;
        });
  }

  /**
   * What snippets mark: the text query's clauses rewritten once against the index, so a typo's
   * fuzzy query reaches the highlighter as the words it stands for. Left as it is, the highlighter
   * rewrites it again for every hit, building its automata each time (a sixth of a keyword search's
   * CPU with typos in the judged set).
   */
  static Query marks(IndexSearcher s, TextQuery text) throws IOException {
    return text == null ? null : s.rewrite(text.marked());
  }

  /**
   * A hit read through {@code stored}: one instance (from IndexSearcher.storedFields) serves a
   * whole page, so that its decompression buffers and the block last read are reused.
   */
  Hit hit(StoredFields stored, ScoreDoc d, Query text) throws IOException {
    Document doc = stored.document(d.doc);
    String title = doc.get(TITLE);
    String body = doc.get(BODY);
    // Without a text query (search by meaning alone) there is nothing to mark.
    String snippet = text == null ? null : snippet(text, BODY, body);
    if (snippet == null && text != null) {
      snippet = snippet(text, TITLE, title);
    }
    if (snippet == null) {
      String raw = body == null ? title : body;
      snippet =
          raw.length() > SNIPPET_FALLBACK_CHARS
              ? raw.substring(0, SNIPPET_FALLBACK_CHARS) + " …"
              : raw;
    }
    return new Hit(doc.get(TYPE), doc.get(REF), title, d.score, snippet);
  }

  /**
   * The best fragments with matches between \u0002 and \u0003, which cannot occur in stored text;
   * SearchService HTML-escapes the text and only then turns them into mark tags. The query's words
   * are marked wherever they occur (QueryTermScorer): the position-aware QueryScorer built an
   * in-memory index of every hit's text to place phrases, a sixth of a keyword search's CPU.
   */
  private String snippet(Query text, String field, String value) throws IOException {
    if (value == null) {
      return null;
    }
    Highlighter h =
        new Highlighter(
            new SimpleHTMLFormatter("\u0002", "\u0003"), new QueryTermScorer(text, field));
    try {
      String[] fragments = h.getBestFragments(highlightAnalyzer, field, value, SNIPPET_FRAGMENTS);
      return fragments.length == 0 ? null : String.join(" … ", fragments);
    } catch (InvalidTokenOffsetsException e) {
      return null;
    }
  }

  /** Exact counts per facet value over every match. */
  final class FacetCounts {
    private final SortedSetDocValuesFacetCounts counts;

    FacetCounts(SortedSetDocValuesFacetCounts counts) {
      this.counts = counts;
    }

    /**
     * Values by count, then value; a value and its label are stored as one string. Venues are
     * counted case-insensitively, as the venue filter matches them.
     */
    List<FacetValue> values(String dim, int limit) throws IOException {
      FacetResult result;
      try {
        result = counts == null ? null : counts.getAllChildren(dim);
      } catch (IllegalArgumentException e) {
        result = null; // no document has this dimension yet
      }
      if (result == null) {
        return List.of();
      }
      Map<String, FacetValue> merged = new HashMap<>();
      for (LabelAndValue lv : result.labelValues) {
        int sep = lv.label.indexOf(LABEL_SEPARATOR);
        String value = sep < 0 ? lv.label : lv.label.substring(0, sep);
        String label = sep < 0 ? lv.label : lv.label.substring(sep + 1);
        long n = lv.value.longValue();
        merged.merge(
            value,
            new FacetValue(value, label, n),
            (a, b) -> new FacetValue(a.value(), a.label(), a.count() + b.count()));
      }
      Comparator<FacetValue> order = Comparator.comparingLong(FacetValue::count).reversed();
      order =
          dim.equals(YEAR)
              ? order.thenComparing(FacetValue::value, Comparator.reverseOrder())
              : order.thenComparing(FacetValue::value);
      List<FacetValue> out = merged.values().stream().sorted(order).limit(limit).toList();
      if (dim.equals("venue")) {
        // The label is the venue as written; the value is what the filter takes.
        return out.stream().map(v -> new FacetValue(v.label(), v.label(), v.count())).toList();
      }
      return out;
    }
  }

  FacetCounts facetCounts(IndexSearcher s, FacetsCollector fc) throws IOException {
    SortedSetDocValuesReaderState state = state(s.getIndexReader());
    return new FacetCounts(state == null ? null : new SortedSetDocValuesFacetCounts(state, fc));
  }

  /** Facet ordinals are per reader; built once per refresh, not per search. */
  private SortedSetDocValuesReaderState state(IndexReader reader) throws IOException {
    ReaderState cached = facetState;
    if (cached != null && cached.reader() == reader) {
      return cached.state();
    }
    synchronized (this) {
      cached = facetState;
      if (cached != null && cached.reader() == reader) {
        return cached.state();
      }
      SortedSetDocValuesReaderState state;
      try {
        state = new DefaultSortedSetDocValuesReaderState(reader, IndexDocuments.FACETS);
      } catch (IllegalArgumentException e) {
        state = null; // an empty index has no facet field yet
      }
      facetState = new ReaderState(reader, state);
      return state;
    }
  }

  static void checkTime(IndexSearcher s) {
    if (s.timedOut()) {
      throw new SearchUnavailableException(
          "The search ran past its time budget; narrow it with more words or filters", 1);
    }
  }

  interface SearcherWork<T> {
    T run(IndexSearcher searcher) throws IOException;
  }

  /**
   * Runs {@code work} on a searcher of the latest refresh, with this search's own time budget (a
   * fresh IndexSearcher over the shared reader, so budgets never leak between requests).
   */
  <T> T withSearcher(SearcherWork<T> work) {
    IndexStore store = index.store();
    IndexSearcher shared;
    try {
      shared = store.acquire();
    } catch (IOException e) {
      throw new SearchUnavailableException("The search index cannot be read; try again shortly", 5);
    }
    try {
      IndexSearcher s = new IndexSearcher(shared.getIndexReader());
      s.setSimilarity(similarity);
      s.setTimeout(new QueryTimeoutImpl(config.search().timeout().toMillis()));
      return work.run(s);
    } catch (IndexSearcher.TooManyClauses e) {
      throw ApiException.badParameter("q", "expands into too many alternatives; use fewer words");
    } catch (IOException | UncheckedIOException e) {
      throw new IllegalStateException("Search index read failed", e);
    } finally {
      try {
        store.release(shared);
      } catch (IOException e) {
        // releasing a reference cannot fail in a way the answer depends on
      }
    }
  }
}
