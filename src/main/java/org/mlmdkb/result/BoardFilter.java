package org.mlmdkb.result;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Validated parameters that narrow leaderboards and comparisons to comparable results; null (or an
 * empty method list) means "any". {@code perVariant} keeps the best result of each method variant
 * (3BPA's MACE and NequIP ablations) instead of each method. {@code criteria} narrows the methods,
 * {@code values} the board's values (in the board's unit).
 */
public record BoardFilter(
    String dataset,
    String subset,
    String task,
    String target,
    String metric,
    String basis,
    String split,
    Integer nTrain,
    String levelOfTheory,
    BigDecimal temperatureK,
    String status,
    List<String> methods,
    LocalDate asOf,
    boolean perVariant,
    MethodCriteria criteria,
    ValueRange values) {

  /** The same filter narrowed to one metric (and target, when given) of the dataset. */
  BoardFilter forMetric(String metricTarget, String metricName) {
    return new BoardFilter(
        dataset,
        subset,
        task,
        metricTarget == null ? target : metricTarget,
        metricName,
        basis,
        split,
        nTrain,
        levelOfTheory,
        temperatureK,
        status,
        methods,
        asOf,
        perVariant,
        criteria,
        ValueRange.ANY);
  }
}
