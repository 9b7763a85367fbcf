package org.mlmdkb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Keyword scores enter fusion as "clauses met, then BM25 as a fraction of the tier's best". */
class HybridPerTierTest {

  @Test
  void eachTierKeepsItsBm25SpreadAndStaysAboveTheTierBelow() {
    List<Double> fused = HybridSearch.perTier(List.of(20_008.0, 20_004.0, 10_010.0, 10_002.5));
    assertEquals(3.0, fused.get(0), 1e-9);
    assertEquals(2.5, fused.get(1), 1e-9);
    assertEquals(2.0, fused.get(2), 1e-9);
    assertEquals(1.25, fused.get(3), 1e-9);
  }
}
