package org.mlmdkb.metric;

import java.math.BigDecimal;
import java.util.Optional;
import org.mlmdkb.common.error.Problem;

/**
 * Checks a result's value and unit against its metric: the unit must measure the metric's
 * dimension, and the value, in the dimension's canonical unit, must lie in the metric's range.
 * Messages name the metric as the result writes it and the rule, in the result's own unit.
 */
public final class Plausibility {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Plausibility() {}

  public static Optional<Problem.FieldError> check(
      Metric metric, String written, BigDecimal value, Unit unit) {
    if (metric.dimension() != null && unit.dimension() != metric.dimension()) {
      return Optional.of(
          body(
              "unit",
              "'"
                  + written
                  + "' measures "
                  + metric.dimension().description()
                  + " (e.g. "
                  + metric.dimension().canonicalCode()
                  + "); unit '"
                  + unit.code()
                  + "' measures "
                  + unit.dimension().description()));
    }
    if (inRange(metric, unit.toCanonical(value))) {
      return Optional.empty();
    }
    BigDecimal min = metric.min();
    BigDecimal max = metric.max();
    if (max == null && min != null && min.signum() == 0) {
      return Optional.of(
          body("value", "must not be negative: '" + written + "' is " + metric.kind().noun()));
    }
    Unit canonical = unit.canonical();
    String range =
        min != null && max != null
            ? "lies in [" + shown(min, canonical, unit) + ", " + shown(max, canonical, unit) + "]"
            : min != null
                ? "is at least " + shown(min, canonical, unit)
                : "is at most " + shown(max, canonical, unit);
    // LAMBench writes some success rates as 100.0 without a unit: say what would have fitted.
    boolean percentMeant =
        unit.equals(Unit.FRACTION)
            && value.compareTo(HUNDRED) <= 0
            && inRange(metric, Unit.PERCENT.toCanonical(value));
    return Optional.of(
        body(
            "value",
            "'"
                + written
                + "' is "
                + metric.kind().noun()
                + ": with unit "
                + unit.code()
                + " it "
                + range
                + (percentMeant ? " (a percentage needs unit %)" : "")));
  }

  private static boolean inRange(Metric metric, BigDecimal canonicalValue) {
    return (metric.min() == null || canonicalValue.compareTo(metric.min()) >= 0)
        && (metric.max() == null || canonicalValue.compareTo(metric.max()) <= 0);
  }

  private static String shown(BigDecimal bound, Unit canonical, Unit unit) {
    return canonical.convertForDisplay(bound, unit).stripTrailingZeros().toPlainString();
  }

  private static Problem.FieldError body(String name, String message) {
    return new Problem.FieldError(name, "body", message);
  }
}
