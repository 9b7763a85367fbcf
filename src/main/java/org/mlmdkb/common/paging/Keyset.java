package org.mlmdkb.common.paging;

import java.util.List;
import java.util.function.Function;

/**
 * Keyset paging: repositories fetch {@code limit + 1} rows; the extra row only proves that a next
 * page exists, and the last row kept supplies the cursor.
 */
public final class Keyset {

  private Keyset() {}

  /** The rows of this page and the cursor of the next one (null on the last page). */
  public record Trimmed<R>(List<R> rows, String nextCursor) {}

  public static <R> Trimmed<R> trim(
      List<R> rows, int limit, String sortTag, Function<R, List<String>> keyOf) {
    if (rows.size() <= limit) {
      return new Trimmed<>(rows, null);
    }
    List<R> kept = rows.subList(0, limit);
    return new Trimmed<>(
        kept, Cursor.encode(sortTag, keyOf.apply(kept.get(limit - 1)).toArray(String[]::new)));
  }

  /** Decodes the cursor (if any) into the keys after which the page starts. */
  public static List<String> after(String cursor, String sortTag, int arity) {
    return cursor == null ? null : Cursor.decode(cursor, sortTag, arity);
  }
}
