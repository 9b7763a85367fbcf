package org.mlmdkb.curation;

import java.util.List;

/** One page of an item's changes, oldest first; {@code nextCursor} is null on the last page. */
public record HistoryPage(List<HistoryRepository.Entry> items, String nextCursor) {}
