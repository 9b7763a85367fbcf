package org.mlmdkb.common.query;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mlmdkb.common.error.ApiException;

/** A year filter: {@code 2021}, {@code 2019..2023}, {@code 2019..} or {@code ..2015}. */
public record YearRange(Integer from, Integer to) {

  private static final Pattern FORM = Pattern.compile("^(\\d{4})?(\\.\\.)?(\\d{4})?$");

  public static YearRange parse(String name, String value) {
    if (value == null || value.isBlank()) {
      return new YearRange(null, null);
    }
    Matcher m = FORM.matcher(value.strip());
    if (!m.matches()
        || (m.group(1) == null && m.group(3) == null)
        || (m.group(2) == null && m.group(3) != null)) {
      throw ApiException.badParameter(
          name,
          "must be a year (2021) or a range (2019..2023, 2019.., ..2015), was '"
              + QueryParams.shorten(value)
              + "'");
    }
    Integer from = m.group(1) == null ? null : Integer.valueOf(m.group(1));
    Integer to =
        m.group(2) == null ? from : m.group(3) == null ? null : Integer.valueOf(m.group(3));
    if (from != null && to != null && from > to) {
      throw ApiException.badParameter(name, "range starts after it ends: '" + value + "'");
    }
    return new YearRange(from, to);
  }
}
