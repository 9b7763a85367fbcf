package org.mlmdkb.common.paging;

import java.util.List;

/** One page of a list: the items, an opaque cursor for the next page (null at the end), total. */
public record Page<T>(List<T> items, String nextCursor, long total) {}
