package org.mlmdkb.testsupport;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** A query that expands past Lucene's 1,024 clauses while staying under q's 500 characters. */
public final class ClauseLimitQuery {

  private ClauseLimitQuery() {}

  /**
   * Forty-five hyphenated alternatives OR-ed into one clause, each sought whole and in its parts in
   * every text field.
   */
  public static String text() {
    return IntStream.range(0, 45)
            .mapToObj(i -> "a" + i + "-b" + i)
            .collect(Collectors.joining(" | "))
        + " x";
  }
}
