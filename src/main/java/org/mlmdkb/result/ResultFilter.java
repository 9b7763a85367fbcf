package org.mlmdkb.result;

/** Validated filters of the result list; null means "no filter". */
public record ResultFilter(
    String dataset,
    String subset,
    String method,
    String task,
    String target,
    String metric,
    Long paperId,
    String status,
    int limit,
    String cursor) {}
