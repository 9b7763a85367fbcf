package org.mlmdkb.search.semantic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fuses a keyword ranking with a semantic one. The keyword hits the keyword engine is sure of (the
 * method or dataset the query names, the paper introducing it, documents holding every query word
 * in their title) lead, in keyword order; everything else is ranked by a convex combination of the
 * two scores, each min-max normalised over its own ranking: {@code w * bm25 + (1 - w) * cosine}.
 *
 * <p>Measured on the judged set (src/bench/search-eval, README there): plain reciprocal rank fusion
 * lost 0.20 nDCG@10 on known items against keyword search, because a semantic neighbour outranked
 * the paper asked for by name and author; a plain convex combination lost less, and only the
 * leading tier kept every category at or above keyword search while gaining on topical queries.
 */
public final class RankFusion {

  /** An item with its fused score. */
  public record Scored<T>(T item, double score) {}

  /** A ranking with its scores, best first. */
  public record Ranking<T>(List<T> items, List<Double> scores) {

    public Ranking {
      if (items.size() != scores.size()) {
        throw new IllegalArgumentException("one score per item");
      }
    }
  }

  private RankFusion() {}

  /**
   * The fused order of every item of either ranking. The first {@code lead} keyword items come
   * first, scored between 1 and 2 in keyword order; the others score {@code keywordWeight} times
   * their normalised keyword score plus the rest times their normalised semantic score (0 in a
   * ranking that lacks them), between 0 and 1. Ties keep the keyword order, then the semantic one.
   */
  public static <T> List<Scored<T>> fuse(
      Ranking<T> keyword, int lead, Ranking<T> semantic, double keywordWeight) {
    List<Scored<T>> out = new ArrayList<>();
    Set<T> leading = new HashSet<>();
    for (int i = 0; i < lead; i++) {
      out.add(new Scored<>(keyword.items().get(i), 1.0 + (double) (lead - i) / lead));
      leading.add(keyword.items().get(i));
    }
    Map<T, Entry> acc = new LinkedHashMap<>();
    List<Double> restScores = keyword.scores().subList(lead, keyword.scores().size());
    double[] kr = range(restScores);
    for (int i = lead; i < keyword.items().size(); i++) {
      Entry e = acc.computeIfAbsent(keyword.items().get(i), k -> new Entry());
      e.score += keywordWeight * normalised(keyword.scores().get(i), kr);
      e.keywordRank = Math.min(e.keywordRank, i);
    }
    // The semantic scores are normalised over the items left to rank, as the keyword ones are.
    List<Double> semanticRest = new ArrayList<>();
    for (int i = 0; i < semantic.items().size(); i++) {
      if (!leading.contains(semantic.items().get(i))) {
        semanticRest.add(semantic.scores().get(i));
      }
    }
    double[] sr = range(semanticRest);
    for (int i = 0; i < semantic.items().size(); i++) {
      T item = semantic.items().get(i);
      if (leading.contains(item)) {
        continue;
      }
      Entry e = acc.computeIfAbsent(item, k -> new Entry());
      e.score += (1 - keywordWeight) * normalised(semantic.scores().get(i), sr);
      e.semanticRank = Math.min(e.semanticRank, i);
    }
    List<Map.Entry<T, Entry>> rest = new ArrayList<>(acc.entrySet());
    rest.sort(
        Comparator.<Map.Entry<T, Entry>>comparingDouble(e -> -e.getValue().score)
            .thenComparingInt(e -> e.getValue().keywordRank)
            .thenComparingInt(e -> e.getValue().semanticRank));
    rest.forEach(e -> out.add(new Scored<>(e.getKey(), e.getValue().score)));
    return out;
  }

  private static final class Entry {
    double score;
    int keywordRank = Integer.MAX_VALUE;
    int semanticRank = Integer.MAX_VALUE;
  }

  private static double[] range(List<Double> scores) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double s : scores) {
      min = Math.min(min, s);
      max = Math.max(max, s);
    }
    return new double[] {min, max};
  }

  /** 0 to 1 over the ranking's range; 1 when every score is the same (a single hit). */
  private static double normalised(double s, double[] range) {
    return range[1] > range[0] ? (s - range[0]) / (range[1] - range[0]) : 1.0;
  }
}
