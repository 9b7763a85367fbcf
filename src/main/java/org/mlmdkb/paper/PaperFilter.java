package org.mlmdkb.paper;

/** Validated filters of the paper list; null means "no filter". */
public record PaperFilter(
    String q,
    Integer yearFrom,
    Integer yearTo,
    String author,
    String venue,
    String tag,
    String method,
    String dataset,
    Boolean hasCode,
    PaperSort sort,
    int limit,
    String cursor) {}
