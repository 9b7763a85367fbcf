package org.mlmdkb.search.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RelevanceMetricsTest {

  private static final JudgedQuery QUERY =
      new JudgedQuery("X01", "topical", "q", Map.of("a", 2, "b", 1, "c", 1));

  @Test
  void theIdealOrderScoresNdcgOne() {
    assertEquals(1.0, RelevanceMetrics.ndcg(QUERY, List.of("a", "b", "c")), 1e-9);
  }

  @Test
  void ndcgDiscountsAGradeTwoPaperFoundSecond() {
    // DCG = 1/log2(2) + 3/log2(3); IDCG = 3/log2(2) + 1/log2(3) + 1/log2(4)
    double dcg = 1 + 3 / log2(3);
    double idcg = 3 + 1 / log2(3) + 0.5;
    assertEquals(dcg / idcg, RelevanceMetrics.ndcg(QUERY, List.of("b", "a")), 1e-9);
  }

  @Test
  void papersOutsideTheSeedAndBeyondTheCutoffGainNothing() {
    List<String> ranked = Arrays.asList(null, "x", "y", "z", "u", "v", "w", "s", "t", "r", "a");
    assertEquals(0.0, RelevanceMetrics.ndcg(QUERY, ranked), 1e-9);
    assertEquals(0.0, RelevanceMetrics.reciprocalRank(QUERY, ranked), 1e-9);
    assertEquals(0.0, RelevanceMetrics.recall(QUERY, ranked), 1e-9);
  }

  @Test
  void reciprocalRankIsThatOfTheFirstRelevantPaper() {
    assertEquals(1.0 / 3, RelevanceMetrics.reciprocalRank(QUERY, List.of("x", "y", "c", "a")));
  }

  @Test
  void recallCountsEachRelevantPaperOnce() {
    assertEquals(2.0 / 3, RelevanceMetrics.recall(QUERY, List.of("a", "a", "x", "b")), 1e-9);
  }

  @Test
  void anEmptyAnswerScoresZero() {
    assertEquals(0.0, RelevanceMetrics.ndcg(QUERY, List.of()), 1e-9);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
