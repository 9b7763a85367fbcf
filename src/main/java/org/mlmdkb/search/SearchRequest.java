package org.mlmdkb.search;

import java.util.Set;
import org.mlmdkb.paper.PaperFilter;

/** A validated search: the text, the types asked for, paper filters, facets and the page. */
public record SearchRequest(
    String q,
    Set<SearchType> types,
    PaperFilter paperFilter,
    boolean hasPaperFilter,
    Set<String> facets,
    int facetLimit,
    int limit,
    int offset) {}
