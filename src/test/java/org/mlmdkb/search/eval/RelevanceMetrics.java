package org.mlmdkb.search.eval;

import java.util.Comparator;
import java.util.List;

/**
 * nDCG@k, MRR@k and Recall@k of one ranked answer against one judged query. A ranked entry is a
 * seed key, or null for a paper outside the seed (it takes a rank and gains nothing).
 */
public final class RelevanceMetrics {

  public static final int CUTOFF = 10;

  private RelevanceMetrics() {}

  /**
   * Graded gain 2^grade − 1 with the log2(rank + 1) discount, divided by the same sum over the
   * judged papers in their best order; 0 for a query with no relevant paper.
   */
  public static double ndcg(JudgedQuery query, List<String> ranked) {
    double dcg = 0;
    List<String> top = top(ranked);
    for (int i = 0; i < top.size(); i++) {
      dcg += gain(query.gradeOf(top.get(i))) / log2(i + 2);
    }
    List<Integer> ideal =
        query.grades().values().stream()
            .filter(g -> g > 0)
            .sorted(Comparator.reverseOrder())
            .limit(CUTOFF)
            .toList();
    double idcg = 0;
    for (int i = 0; i < ideal.size(); i++) {
      idcg += gain(ideal.get(i)) / log2(i + 2);
    }
    return idcg == 0 ? 0 : dcg / idcg;
  }

  /** 1 / rank of the first paper with grade ≥ 1 within the cutoff; 0 when there is none. */
  public static double reciprocalRank(JudgedQuery query, List<String> ranked) {
    List<String> top = top(ranked);
    for (int i = 0; i < top.size(); i++) {
      if (query.gradeOf(top.get(i)) > 0) {
        return 1.0 / (i + 1);
      }
    }
    return 0;
  }

  /**
   * Share of all papers with grade ≥ 1 found within the cutoff (not capped at the cutoff, so a
   * query with 30 relevant papers can reach at most 10/30).
   */
  public static double recall(JudgedQuery query, List<String> ranked) {
    long relevant = query.relevantCount();
    if (relevant == 0) {
      return 0;
    }
    long found = top(ranked).stream().distinct().filter(k -> query.gradeOf(k) > 0).count();
    return (double) found / relevant;
  }

  private static List<String> top(List<String> ranked) {
    return ranked.subList(0, Math.min(CUTOFF, ranked.size()));
  }

  private static double gain(int grade) {
    return Math.pow(2, grade) - 1;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
