package org.mlmdkb.search.eval;

import java.util.Map;

/**
 * One query of the judged set: its category and the grade of every judged paper (by seed key);
 * papers not listed have grade 0.
 */
public record JudgedQuery(String id, String category, String text, Map<String, Integer> grades) {

  public JudgedQuery {
    grades = Map.copyOf(grades);
  }

  public int gradeOf(String seedKey) {
    return seedKey == null ? 0 : grades.getOrDefault(seedKey, 0);
  }

  public long relevantCount() {
    return grades.values().stream().filter(g -> g > 0).count();
  }
}
