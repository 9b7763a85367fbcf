package org.mlmdkb.search.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlmdkb.search.semantic.RankFusion.Ranking;
import org.mlmdkb.search.semantic.RankFusion.Scored;

class RankFusionTest {

  private static List<String> order(List<Scored<String>> fused) {
    return fused.stream().map(Scored::item).toList();
  }

  @Test
  void leadingKeywordHitsStayFirstInKeywordOrderWhateverTheSimilarity() {
    List<Scored<String>> fused =
        RankFusion.fuse(
            new Ranking<>(List.of("a", "b", "c"), List.of(1000.0, 900.0, 5.0)),
            2,
            new Ranking<>(List.of("c", "b", "x"), List.of(0.9, 0.8, 0.7)),
            0.65);
    assertEquals(List.of("a", "b"), order(fused).subList(0, 2));
    assertTrue(fused.get(0).score() > fused.get(1).score());
    assertTrue(fused.get(1).score() > 1.0);
    assertTrue(fused.get(2).score() <= 1.0);
  }

  @Test
  void aDocumentFoundByBothRankingsBeatsOneFoundByEitherAlone() {
    List<Scored<String>> fused =
        RankFusion.fuse(
            new Ranking<>(List.of("k", "both", "k2"), List.of(10.0, 9.0, 1.0)),
            0,
            new Ranking<>(List.of("s", "both", "s2"), List.of(0.8, 0.79, 0.3)),
            0.65);
    assertEquals("both", fused.get(0).item());
  }

  @Test
  void theKeywordWeightDecidesBetweenAKeywordAndASemanticTopHit() {
    Ranking<String> keyword = new Ranking<>(List.of("k", "k2"), List.of(10.0, 1.0));
    Ranking<String> semantic = new Ranking<>(List.of("s", "s2"), List.of(0.9, 0.2));
    assertEquals("k", RankFusion.fuse(keyword, 0, semantic, 0.65).get(0).item());
    assertEquals("s", RankFusion.fuse(keyword, 0, semantic, 0.3).get(0).item());
  }

  @Test
  void everyItemOfEitherRankingAppearsOnce() {
    List<Scored<String>> fused =
        RankFusion.fuse(
            new Ranking<>(List.of("a", "b"), List.of(3.0, 2.0)),
            1,
            new Ranking<>(List.of("b", "a", "c"), List.of(0.5, 0.4, 0.3)),
            0.65);
    assertEquals(3, fused.size());
    assertEquals(List.of("a", "b", "c"), order(fused));
  }

  @Test
  void equalScoresKeepTheKeywordOrder() {
    List<Scored<String>> fused =
        RankFusion.fuse(
            new Ranking<>(List.of("a", "b", "c"), List.of(2.0, 2.0, 2.0)),
            0,
            new Ranking<>(List.of(), List.of()),
            0.65);
    assertEquals(List.of("a", "b", "c"), order(fused));
  }
}
