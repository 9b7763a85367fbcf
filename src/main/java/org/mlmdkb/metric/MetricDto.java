package org.mlmdkb.metric;

import java.math.BigDecimal;

/**
 * A registered metric on the wire: its semantics, the canonical unit its range is in, and how many
 * live results use it.
 */
public record MetricDto(
    String name,
    String direction,
    String kind,
    String dimension,
    String canonicalUnit,
    BigDecimal min,
    BigDecimal max,
    String description,
    long nResults) {}
