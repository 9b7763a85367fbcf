package org.mlmdkb.search;

import java.util.Set;
import org.mlmdkb.paper.PaperFilter;

/**
 * A validated search: the text, the types asked for, paper filters, facets, the page and the mode
 * asked for (null: the default).
 */
public record SearchRequest(
    String q,
    Set<SearchType> types,
    PaperFilter paperFilter,
    boolean hasPaperFilter,
    Set<String> facets,
    int facetLimit,
    int limit,
    int offset,
    String mode) {}
