package org.mlmdkb.result;

import java.math.BigDecimal;
import org.mlmdkb.common.error.ApiException;

/** Bounds on a board's values, inclusive, in the board's unit; null bounds are open. */
public record ValueRange(BigDecimal min, BigDecimal max) {

  static final ValueRange ANY = new ValueRange(null, null);

  static ValueRange parse(String min, String max) {
    ValueRange range =
        new ValueRange(BenchmarkParams.decimal("min", min), BenchmarkParams.decimal("max", max));
    if (range.min != null && range.max != null && range.min.compareTo(range.max) > 0) {
      throw ApiException.badParameter(
          "min", "is greater than max (" + range.min.toPlainString() + " > " + range.max + ")");
    }
    return range;
  }

  boolean contains(BigDecimal value) {
    return (min == null || value.compareTo(min) >= 0) && (max == null || value.compareTo(max) <= 0);
  }

  boolean isAny() {
    return min == null && max == null;
  }
}
