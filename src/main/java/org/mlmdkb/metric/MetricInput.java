package org.mlmdkb.metric;

import java.math.BigDecimal;

/**
 * A metric's editable state: the body of POST and PUT, the document a merge patch applies to, and
 * what the history records. {@code direction} is lower_is_better, higher_is_better or none (the
 * default: stored, never ranked); {@code dimension} one of {@link Dimension}'s wire names or null
 * (any unit); {@code min} and {@code max} bound the values in the dimension's canonical unit.
 */
public record MetricInput(
    String name,
    String direction,
    String kind,
    String dimension,
    BigDecimal min,
    BigDecimal max,
    String description) {}
