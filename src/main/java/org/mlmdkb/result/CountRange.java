package org.mlmdkb.result;

import java.util.regex.Pattern;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.query.QueryParams;
import org.mlmdkb.common.query.RangeSyntax;

/**
 * An inclusive range of whole numbers such as a parameter count: {@code 5000000}, {@code
 * 1000000..5000000}, {@code ..5000000} or {@code 1000000..}; the same syntax as {@code year}.
 */
public record CountRange(Long from, Long to) {

  // At most 15 digits: beyond any model's parameter count, and far from overflowing a bigint.
  private static final RangeSyntax SYNTAX =
      new RangeSyntax(
          Pattern.compile("^(\\d{1,15})?(\\.\\.)?(\\d{1,15})?$"),
          "a whole number (5000000) or a range (1000000..5000000, ..5000000, 1000000..)"
              + " of at most 15 digits");

  /** Null when absent; a 400 naming {@code name} when malformed or reversed. */
  static CountRange parse(String name, String value) {
    String text = QueryParams.text(name, value);
    if (text == null) {
      return null;
    }
    RangeSyntax.Ends<Long> counts = SYNTAX.read(name, text.replace("_", ""), text, Long::valueOf);
    if (counts.reversed()) {
      throw ApiException.badParameter(
          name, "range starts after it ends: '" + QueryParams.shorten(text) + "'");
    }
    return new CountRange(counts.from(), counts.to());
  }
}
