package org.mlmdkb.paper;

import java.util.Arrays;
import java.util.List;

/** Sort orders of the paper list; each is a keyset (sort key, id) so cursors stay stable. */
public enum PaperSort {
  YEAR_DESC("-year", "COALESCE(p.year, 0)", "integer", true),
  YEAR_ASC("year", "COALESCE(p.year, 0)", "integer", false),
  TITLE("title", "lower(p.title)", "text", false),
  ADDED_DESC("-added_at", "p.added_at", "timestamptz", true),
  // Needs q: tsq holds the search index's matches and scores, joined by PaperRepository.list.
  RELEVANCE("relevance", "tsq.score", "real", true);

  private final String parameter;
  private final String keyExpression;
  private final String keyType;
  private final boolean descending;

  PaperSort(String parameter, String keyExpression, String keyType, boolean descending) {
    this.parameter = parameter;
    this.keyExpression = keyExpression;
    this.keyType = keyType;
    this.descending = descending;
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

  public String keyExpression() {
    return keyExpression;
  }

  public String orderBy() {
    String dir = descending ? " DESC" : " ASC";
    return " ORDER BY " + keyExpression + dir + ", p.id" + dir;
  }

  /** The condition selecting rows after the cursor's (key, id). */
  public String after() {
    return "(" + keyExpression + ", p.id) " + (descending ? "<" : ">") + " (?::" + keyType + ", ?)";
  }
}
