package org.mlmdkb.search;

import static org.mlmdkb.search.IndexFields.*;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.mlmdkb.common.config.KbConfig;
import org.mlmdkb.paper.PaperFilter;
import org.mlmdkb.search.ParsedQuery.Clause;
import org.mlmdkb.search.SearchDtos.FacetValue;
import org.mlmdkb.search.semantic.RankFusion;
import org.mlmdkb.search.semantic.RankFusion.Ranking;
import org.mlmdkb.search.semantic.RankFusion.Scored;

/**
 * Search by meaning on the index: the nearest items to a query vector (HNSW), under the same type,
 * paper filters and exclusions as keyword search, alone (semantic) or fused with the BM25 ranking
 * (hybrid). Facet counts and totals are exact over what the mode returns: the nearest items
 * (semantic), or those plus every keyword match (hybrid).
 */
@ApplicationScoped
public class HybridSearch {

  /** A paper and its similarity to a query vector (cosine). */
  public record NearPaper(long id, double similarity) {}

  /**
   * Keyword hits that take part in the fusion: deeper than any page a client reads first, so the
   * fused head is stable, and bounded, so fusion stays cheap on broad queries.
   */
  static final int FUSION_DEPTH = 100;

  private final IndexSearch index;
  private final SearchIndex searchIndex;
  private final SideLane lane;
  private final int candidates;
  private final double keywordWeight;
  private final IndexQueries queries = new IndexQueries(SearchAnalysis.query());
  private volatile VectorCount vectorCount;

  private record VectorCount(IndexReader reader, long count) {}

  public HybridSearch(IndexSearch index, SearchIndex searchIndex, SideLane lane, KbConfig config) {
    this.index = index;
    this.lane = lane;
    this.searchIndex = searchIndex;
    this.candidates = config.search().semantic().candidates();
    this.keywordWeight = config.search().semantic().keywordWeight();
  }

  /** The nearest items passing the filters, by similarity. */
  IndexSearch.Result semantic(IndexSearch.Request r, float[] vector, int limit, int offset) {
    return index.withSearcher(
        s -> {
          Query knn = s.rewrite(nearest(vector, filters(r), candidates));
          FacetsCollectorManager.FacetsResult found =
              FacetsCollectorManager.search(
                  s,
                  knn,
                  Math.max(1, offset + limit),
                  IndexSearch.RANKING,
                  true,
                  new FacetsCollectorManager());
          IndexSearch.checkTime(s);
          List<IndexSearch.Hit> hits = new ArrayList<>();
          ScoreDoc[] docs = found.topDocs().scoreDocs;
          StoredFields stored = s.storedFields();
          for (int i = offset; i < docs.length; i++) {
            IndexSearch.Hit h = index.hit(stored, docs[i], null);
            hits.add(withScore(h, cosine(docs[i].score)));
          }
          return result(s, r, List.of(found.facetsCollector()), Map.of(), hits);
        });
  }

  /**
   * BM25 and nearest-neighbour rankings fused by reciprocal rank; keyword matches beyond follow.
   * The keyword part runs first, while {@code vector} (the query's embedding) may still be computed
   * beside it.
   */
  IndexSearch.Result hybrid(
      IndexSearch.Request r, SideLane.Part<float[]> vector, int limit, int offset) {
    return index.withSearcher(
        s -> {
          IndexSearch.TextQuery text = index.textQuery(r.plan());
          // The nearest items (once the embedding is done), the keyword ranking and the keyword
          // count need none of each other, so they run side by side. The keyword matches are
          // counted once, and the nearest items they miss apart, so the union is counted exactly,
          // once.
          SideLane.Part<Query> nearest = startNearest(s, r, vector);
          Query matched = text == null ? null : index.matchQuery(r, text);
          SideLane.Part<KeywordCount> counting =
              matched == null
                  ? SideLane.Part.done(new KeywordCount(null, Map.of()))
                  : lane.start(() -> keywordCount(s, r, text, matched));
          // As IndexSearch.search: the ranking unscored beyond its head.
          ScoreDoc[] keywordTop =
              counting.alongside(
                  () ->
                      nearest.alongside(
                          () ->
                              text == null
                                  ? null
                                  : index.topHits(
                                      s, r, text, Math.max(offset + limit, FUSION_DEPTH))));
          Query knn = counting.alongside(nearest::join);
          KeywordCount keyword = counting.join();
          List<FacetsCollector> counted = new ArrayList<>();
          if (keyword.collected() != null) {
            counted.add(keyword.collected());
          }
          counted.add(nearOnly(s, knn, matched));
          IndexSearch.checkTime(s);
          List<Scored<Integer>> order =
              fusedOrder(s, keywordTop, sureScore(text), knn, offset + limit);
          List<IndexSearch.Hit> hits = new ArrayList<>();
          Query marks = IndexSearch.marks(s, text);
          StoredFields stored = s.storedFields();
          for (int i = offset; i < Math.min(order.size(), offset + limit); i++) {
            Scored<Integer> d = order.get(i);
            hits.add(index.hit(stored, new ScoreDoc(d.item(), (float) d.score()), marks));
          }
          return result(s, r, counted, keyword.counts(), hits);
        });
  }

  /**
   * The nearest items to the query's vector under the request's filters, found on a side lane as
   * soon as the vector is there (the rewrite runs the HNSW search).
   */
  private SideLane.Part<Query> startNearest(
      IndexSearcher s, IndexSearch.Request r, SideLane.Part<float[]> vector) {
    return lane.start(() -> s.rewrite(nearest(vector.join(), filters(r), candidates)));
  }

  /**
   * The keyword matches' count: collected for the facets when facets are asked for, else one count
   * per type rather than collecting every match.
   */
  private record KeywordCount(FacetsCollector collected, Map<String, Long> counts) {}

  private KeywordCount keywordCount(
      IndexSearcher s, IndexSearch.Request r, IndexSearch.TextQuery text, Query matched)
      throws IOException {
    if (facetsAsked(r)) {
      return new KeywordCount(s.search(matched, new FacetsCollectorManager()), Map.of());
    }
    return new KeywordCount(null, index.countsByType(s, r, text, matched));
  }

  /**
   * The nearest items that the keyword matches leave out ({@code matched}, or null for none),
   * collected for their counts. Searched without the query cache: the cache would keep the keyword
   * disjunction of this one query as a bit set over the whole index, which cost more (2.0 ms a
   * query at 102,000 papers) than testing the hundred nearest items against it (0.8 ms).
   */
  private static FacetsCollector nearOnly(IndexSearcher s, Query knn, Query matched)
      throws IOException {
    if (matched == null) {
      return s.search(knn, new FacetsCollectorManager());
    }
    IndexSearcher uncached = new IndexSearcher(s.getIndexReader());
    uncached.setQueryCache(null);
    return uncached.search(
        new BooleanQuery.Builder().add(knn, Occur.MUST).add(matched, Occur.MUST_NOT).build(),
        new FacetsCollectorManager());
  }

  /** The paper list's q by meaning: the nearest papers under the filter, by similarity. */
  Map<Long, Float> semanticPapers(float[] vector, PaperFilter filter) {
    return index.withSearcher(
        s -> {
          Map<Long, Float> out = new LinkedHashMap<>();
          TopDocs top =
              s.search(nearest(vector, paperFilter(filter, Set.of()), candidates), candidates);
          IndexSearch.checkTime(s);
          long[] ids = paperIds(s, docs(top));
          for (int i = 0; i < ids.length; i++) {
            out.put(ids[i], (float) cosine(top.scoreDocs[i].score));
          }
          return out;
        });
  }

  /**
   * The head of the paper list's q fused ({@code text}: its keyword query, or null when it has
   * none): the keyword ranking's first {@link #FUSION_DEPTH} papers and the nearest papers, in
   * fused order, scored from {@link PaperListIndex#HEAD_BASE} up (the list sorts by that score).
   * The other keyword matches follow in keyword order, from the index (PaperListIndex): fusing
   * every match cost 1.5–2.5 s for "machine learning potential" (94,000 matches at 102,000 papers),
   * and only the head's order depends on the fusion.
   */
  Map<Long, Float> hybridHead(
      SearchService.Plan plan,
      IndexSearch.TextQuery text,
      SideLane.Part<float[]> vector,
      PaperFilter filter) {
    return index.withSearcher(
        s -> {
          IndexSearch.Request r =
              new IndexSearch.Request(plan, Set.of(SearchType.PAPER), filter, Set.of(), 0);
          // The nearest papers (once the embedding is done) beside the keyword ranking.
          SideLane.Part<Query> nearest = startNearest(s, r, vector);
          ScoreDoc[] keywordTop =
              nearest.alongside(
                  () -> text == null ? null : index.topHits(s, r, text, FUSION_DEPTH));
          Query knn = nearest.join();
          IndexSearch.checkTime(s);
          List<Scored<Integer>> order =
              fusedOrder(s, keywordTop, sureScore(text), knn, Integer.MAX_VALUE);
          // Ids from doc values rather than stored fields: cheaper per document.
          long[] ids = paperIds(s, order.stream().map(Scored::item).toList());
          Map<Long, Float> out = new LinkedHashMap<>();
          for (int i = 0; i < order.size(); i++) {
            out.putIfAbsent(ids[i], PaperListIndex.HEAD_BASE + (order.size() - i));
          }
          return out;
        });
  }

  /**
   * The {@code k} papers nearest to {@code vector} under {@code filter}, leaving out {@code
   * exclude} (the examples of a "more like these" request).
   */
  public List<NearPaper> nearestPapers(
      float[] vector, PaperFilter filter, Set<Long> exclude, int k) {
    return index.withSearcher(
        s -> {
          TopDocs top = s.search(nearest(vector, paperFilter(filter, exclude), k), k);
          IndexSearch.checkTime(s);
          List<NearPaper> out = new ArrayList<>();
          long[] ids = paperIds(s, docs(top));
          for (int i = 0; i < ids.length; i++) {
            out.add(new NearPaper(ids[i], cosine(top.scoreDocs[i].score)));
          }
          return out;
        });
  }

  /** Documents in the index that carry a vector (cached per index refresh). */
  public long vectorCount() {
    if (!"ready".equals(searchIndex.state())) {
      return 0;
    }
    return index.withSearcher(
        s -> {
          IndexReader reader = s.getIndexReader();
          VectorCount cached = vectorCount;
          if (cached != null && cached.reader() == reader) {
            return cached.count();
          }
          long n = s.count(new FieldExistsQuery(VECTOR));
          vectorCount = new VectorCount(reader, n);
          return n;
        });
  }

  /**
   * The fused order of the first {@code depth} items: RRF over the keyword head ({@link
   * #FUSION_DEPTH}) and the nearest items, then the rest of the keyword ranking in its own order.
   */
  private List<Scored<Integer>> fusedOrder(
      IndexSearcher s, ScoreDoc[] keywordTop, float sureScore, Query knn, int depth)
      throws IOException {
    List<Integer> keywordDocs = new ArrayList<>();
    List<Double> keywordScores = new ArrayList<>();
    if (keywordTop != null) {
      for (ScoreDoc d : keywordTop) {
        keywordDocs.add(d.doc);
        keywordScores.add((double) d.score);
      }
    }
    List<Integer> semanticDocs = new ArrayList<>();
    List<Double> semanticScores = new ArrayList<>();
    // The rewritten nearest-neighbour query matches its candidates alone: asking for more hits
    // would size the collector's queue by the whole index (100,000 entries per request).
    for (ScoreDoc d : s.search(knn, candidates).scoreDocs) {
      semanticDocs.add(d.doc);
      semanticScores.add(cosine(d.score));
    }
    int head = Math.min(FUSION_DEPTH, keywordDocs.size());
    // Hits named by the query (an exact method or dataset, its paper) or meeting every clause in
    // the title: keyword search is sure of those, they lead; the rest is fused.
    int lead = 0;
    while (lead < head && keywordScores.get(lead) >= sureScore) {
      lead++;
    }
    List<Scored<Integer>> order =
        new ArrayList<>(
            RankFusion.fuse(
                new Ranking<>(
                    keywordDocs.subList(0, head), perTier(keywordScores.subList(0, head))),
                lead,
                new Ranking<>(semanticDocs, semanticScores),
                keywordWeight));
    for (int i = head; i < keywordDocs.size(); i++) {
      // Below every fused score, in keyword order.
      order.add(new Scored<>(keywordDocs.get(i), 0.0));
    }
    return order.size() > depth ? order.subList(0, depth) : order;
  }

  private static boolean facetsAsked(IndexSearch.Request r) {
    return r.facets().stream().anyMatch(f -> !f.equals("type"));
  }

  /**
   * Type totals and facets over disjoint sets of hits, one FacetsCollector each, added up, plus
   * {@code counted}: hits per type of a further disjoint set counted without collecting (only when
   * no facet is asked).
   */
  private IndexSearch.Result result(
      IndexSearcher s,
      IndexSearch.Request r,
      List<FacetsCollector> parts,
      Map<String, Long> counted,
      List<IndexSearch.Hit> hits)
      throws IOException {
    Map<String, Long> byType = new TreeMap<>(counted);
    for (FacetsCollector fc : parts) {
      IndexSearch.countsByType(fc).forEach((type, n) -> byType.merge(type, n, Long::sum));
    }
    Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
    List<String> asked = r.facets().stream().filter(f -> !f.equals("type")).toList();
    if (!asked.isEmpty()) {
      List<IndexSearch.FacetCounts> counts = new ArrayList<>();
      for (FacetsCollector fc : parts) {
        counts.add(index.facetCounts(s, fc));
      }
      for (String f : asked) {
        facets.put(f, summed(counts, f, r.facetLimit()));
      }
    }
    return new IndexSearch.Result(hits, byType, facets);
  }

  /** Per value, the sum over the parts; ordered as IndexSearch orders one facet's values. */
  private static List<FacetValue> summed(List<IndexSearch.FacetCounts> parts, String dim, int limit)
      throws IOException {
    if (parts.size() == 1) {
      return parts.get(0).values(dim, limit);
    }
    Map<String, FacetValue> sum = new LinkedHashMap<>();
    for (IndexSearch.FacetCounts part : parts) {
      for (FacetValue v : part.values(dim, Integer.MAX_VALUE)) {
        sum.merge(
            v.value(), v, (a, b) -> new FacetValue(a.value(), a.label(), a.count() + b.count()));
      }
    }
    Comparator<FacetValue> order = Comparator.comparingLong(FacetValue::count).reversed();
    order =
        dim.equals(YEAR)
            ? order.thenComparing(FacetValue::value, Comparator.reverseOrder())
            : order.thenComparing(FacetValue::value);
    return sum.values().stream().sorted(order).limit(limit).toList();
  }

  /**
   * Keyword scores as "clauses met, then BM25 within them": tier k becomes k plus its BM25 part as
   * a fraction of the tier's best. Raw scores put 10,000 between tiers, so normalised over a head
   * that spans tiers, the BM25 differences inside a tier (a phrase met or not) would all but vanish
   * and the similarity alone would order each tier.
   */
  static List<Double> perTier(List<Double> scores) {
    Map<Long, Double> best = new HashMap<>();
    for (double score : scores) {
      long tier = (long) Math.floor(score / IndexQueries.MATCHED_CLAUSE);
      best.merge(tier, score - tier * (double) IndexQueries.MATCHED_CLAUSE, Math::max);
    }
    List<Double> out = new ArrayList<>(scores.size());
    for (double score : scores) {
      long tier = (long) Math.floor(score / IndexQueries.MATCHED_CLAUSE);
      double part = score - tier * (double) IndexQueries.MATCHED_CLAUSE;
      double top = best.get(tier);
      out.add(tier + (top > 0 ? part / top : 1.0));
    }
    return out;
  }

  private static float sureScore(IndexSearch.TextQuery text) {
    return text == null ? Float.MAX_VALUE : text.sureScore();
  }

  /** Types, paper filters and the query's exclusions: what a keyword search would filter by. */
  private Query filters(IndexSearch.Request r) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(
        IndexQueries.anyOf(TYPE, r.types().stream().map(SearchType::wire).toList()), Occur.FILTER);
    for (Query f : IndexQueries.paperFilters(r.paperFilter())) {
      b.add(f, Occur.FILTER);
    }
    for (Clause c : r.plan().parsed().clauses()) {
      if (c.negated()) {
        Query q = queries.clause(c, List.of());
        if (q != null) {
          b.add(q, Occur.MUST_NOT);
        }
      }
    }
    return b.build();
  }

  private static Query paperFilter(PaperFilter filter, Set<Long> exclude) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(new TermQuery(new Term(TYPE, "paper")), Occur.FILTER);
    for (Query f : IndexQueries.paperFilters(filter)) {
      b.add(f, Occur.FILTER);
    }
    for (long id : exclude) {
      b.add(new TermQuery(new Term(KEY, IndexDocuments.key("paper", id))), Occur.MUST_NOT);
    }
    return b.build();
  }

  private static Query nearest(float[] vector, Query filter, int k) {
    return new WideNearestQuery(VECTOR, vector, k, filter);
  }

  /** Lucene scores a unit-length dot product as (1 + cos) / 2; the API reports the cosine. */
  private static double cosine(float score) {
    return Math.round((2.0 * score - 1.0) * 10_000) / 10_000.0;
  }

  private static IndexSearch.Hit withScore(IndexSearch.Hit h, double score) {
    return new IndexSearch.Hit(h.type(), h.id(), h.title(), score, h.snippet());
  }

  /** The paper ids of {@code docs} (paper documents), in their order, from doc values. */
  static long[] paperIds(IndexSearcher s, List<Integer> docs) throws IOException {
    Integer[] byDoc = new Integer[docs.size()];
    for (int i = 0; i < byDoc.length; i++) {
      byDoc[i] = i;
    }
    Arrays.sort(byDoc, Comparator.comparingInt(docs::get));
    long[] out = new long[docs.size()];
    List<LeafReaderContext> leaves = s.getIndexReader().leaves();
    int leaf = -1;
    NumericDocValues values = null;
    for (int i : byDoc) {
      int doc = docs.get(i);
      int next = ReaderUtil.subIndex(doc, leaves);
      if (next != leaf) {
        leaf = next;
        values = DocValues.getNumeric(leaves.get(leaf).reader(), PAPER_ID);
      }
      if (!values.advanceExact(doc - leaves.get(leaf).docBase)) {
        throw new IllegalStateException("paper document without its id");
      }
      out[i] = values.longValue();
    }
    return out;
  }

  private static List<Integer> docs(TopDocs top) {
    return Arrays.stream(top.scoreDocs).map(d -> d.doc).toList();
  }
}
