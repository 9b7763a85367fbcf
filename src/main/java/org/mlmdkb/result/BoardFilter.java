package org.mlmdkb.result;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Validated parameters that narrow leaderboards and comparisons to comparable results; null (or an
 * empty method list) means "any". {@code perVariant} keeps the best result of each method variant
 * (3BPA's MACE and NequIP ablations) instead of each method.
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
    boolean perVariant) {}
