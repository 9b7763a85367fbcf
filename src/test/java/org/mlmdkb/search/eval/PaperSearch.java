package org.mlmdkb.search.eval;

import java.util.List;

/** An engine under evaluation: the seed keys of its top papers for a query, best first. */
public interface PaperSearch {

  /** Up to {@link RelevanceMetrics#CUTOFF} seed keys; null marks a paper outside the seed. */
  List<String> topKeys(String query);
}
