package org.mlmdkb.common.query;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mlmdkb.common.error.ApiException;

/**
 * The syntax of range filters ({@code year}, {@code params}): one value ({@code 2021}), both ends
 * ({@code 2019..2023}) or one open end ({@code 2019..}, {@code ..2015}). {@code form} has three
 * optional groups, the first end, {@code ..} and the second end; {@code expected} says in a 400
 * what a filter takes ("a year (2021) or a range ...").
 */
public record RangeSyntax(Pattern form, String expected) {

  /** A range's ends; null is open, and a single value is both ends. */
  public record Ends<T extends Comparable<T>>(T from, T to) {

    /** Whether it starts after it ends. */
    public boolean reversed() {
      return from != null && to != null && from.compareTo(to) > 0;
    }
  }

  /**
   * The ends of {@code text}, each read by {@code number}; a 400 naming parameter {@code name},
   * showing {@code shown} (what the client sent), when {@code text} is not a range of this form.
   */
  public <T extends Comparable<T>> Ends<T> read(
      String name, String text, String shown, Function<String, T> number) {
    Matcher m = form.matcher(text);
    if (!m.matches()
        || (m.group(1) == null && m.group(3) == null)
        || (m.group(2) == null && m.group(3) != null)) {
      throw ApiException.badParameter(
          name, "must be " + expected + ", was '" + QueryParams.shorten(shown) + "'");
    }
    T from = m.group(1) == null ? null : number.apply(m.group(1));
    T to = m.group(2) == null ? from : m.group(3) == null ? null : number.apply(m.group(3));
    return new Ends<>(from, to);
  }
}
