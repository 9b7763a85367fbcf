package org.mlmdkb.paper;

import java.util.Arrays;
import java.util.List;

/**
 * Sort orders of the paper list; each is a keyset (sort key, id) so cursors stay stable. The index
 * holds the keys and orders by them (search.PaperListIndex).
 */
public enum PaperSort {
  /** Papers without a year count as year 0. */
  YEAR_DESC("-year"),
  YEAR_ASC("year"),
  /** Case ignored: by lower(title). */
  TITLE("title"),
  ADDED_DESC("-added_at"),
  /** Needs q: by the search's score. */
  RELEVANCE("relevance");

  private final String parameter;

  PaperSort(String parameter) {
    this.parameter = parameter;
  }

  public static List<String> parameters() {
    return Arrays.stream(values()).map(s -> s.parameter).toList();
  }

  public static PaperSort fromParameter(String value) {
    return Arrays.stream(values()).filter(s -> s.parameter.equals(value)).findFirst().orElseThrow();
  }

  public String parameter() {
    return parameter;
  }
}
