package org.mlmdkb.result;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.query.QueryParams;

/**
 * An inclusive range of whole numbers such as a parameter count: {@code 5000000}, {@code
 * 1000000..5000000}, {@code ..5000000} or {@code 1000000..}; the same syntax as {@code year}.
 */
public record CountRange(Long from, Long to) {

  // At most 15 digits: beyond any model's parameter count, and far from overflowing a bigint.
  private static final Pattern FORM = Pattern.compile("^(\\d{1,15})?(\\.\\.)?(\\d{1,15})?$");

  /** Null when absent; a 400 naming {@code name} when malformed or reversed. */
  static CountRange parse(String name, String value) {
    String text = QueryParams.text(name, value);
    if (text == null) {
      return null;
    }
    Matcher m = FORM.matcher(text.replace("_", ""));
    if (!m.matches()
        || (m.group(1) == null && m.group(3) == null)
        || (m.group(2) == null && m.group(3) != null)) {
      throw ApiException.badParameter(
          name,
          "must be a whole number (5000000) or a range (1000000..5000000, ..5000000, 1000000..)"
              + " of at most 15 digits, was '"
              + QueryParams.shorten(text)
              + "'");
    }
    Long from = m.group(1) == null ? null : Long.valueOf(m.group(1));
    Long to = m.group(2) == null ? from : m.group(3) == null ? null : Long.valueOf(m.group(3));
    if (from != null && to != null && from > to) {
      throw ApiException.badParameter(
          name, "range starts after it ends: '" + QueryParams.shorten(text) + "'");
    }
    return new CountRange(from, to);
  }
}
