package org.mlmdkb.common.query;

import java.util.regex.Pattern;
import org.mlmdkb.common.error.ApiException;

/** A year filter: {@code 2021}, {@code 2019..2023}, {@code 2019..} or {@code ..2015}. */
public record YearRange(Integer from, Integer to) {

  private static final RangeSyntax SYNTAX =
      new RangeSyntax(
          Pattern.compile("^(\\d{4})?(\\.\\.)?(\\d{4})?$"),
          "a year (2021) or a range (2019..2023, 2019.., ..2015)");

  public static YearRange parse(String name, String value) {
    if (value == null || value.isBlank()) {
      return new YearRange(null, null);
    }
    RangeSyntax.Ends<Integer> years = SYNTAX.read(name, value.strip(), value, Integer::valueOf);
    if (years.reversed()) {
      throw ApiException.badParameter(name, "range starts after it ends: '" + value + "'");
    }
    return new YearRange(years.from(), years.to());
  }
}
