package org.mlmdkb.search.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Mean nDCG@10, MRR@10 and Recall@10 of one engine, per category and over all queries. */
public final class Scorecard {

  public static final String OVERALL = "overall";

  /** The three means of one group of queries. */
  public record Scores(int queries, double ndcg, double mrr, double recall, int empty) {}

  private record PerQuery(String category, double ndcg, double mrr, double recall, boolean empty) {}

  private final List<PerQuery> perQuery = new ArrayList<>();

  /** Scores one ranked answer (seed keys, null for papers outside the seed). */
  public void record(JudgedQuery query, List<String> ranked) {
    perQuery.add(
        new PerQuery(
            query.category(),
            RelevanceMetrics.ndcg(query, ranked),
            RelevanceMetrics.reciprocalRank(query, ranked),
            RelevanceMetrics.recall(query, ranked),
            ranked.isEmpty()));
  }

  /** Each category in the given order, then {@link #OVERALL}. */
  public Map<String, Scores> byCategory(List<String> categories) {
    Map<String, Scores> out = new LinkedHashMap<>();
    for (String category : categories) {
      out.put(
          category, means(perQuery.stream().filter(q -> q.category().equals(category)).toList()));
    }
    out.put(OVERALL, means(perQuery));
    return out;
  }

  private static Scores means(List<PerQuery> group) {
    int n = group.size();
    if (n == 0) {
      return new Scores(0, 0, 0, 0, 0);
    }
    return new Scores(
        n,
        group.stream().mapToDouble(PerQuery::ndcg).sum() / n,
        group.stream().mapToDouble(PerQuery::mrr).sum() / n,
        group.stream().mapToDouble(PerQuery::recall).sum() / n,
        (int) group.stream().filter(PerQuery::empty).count());
  }
}
