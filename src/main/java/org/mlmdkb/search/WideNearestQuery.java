package org.mlmdkb.search;

import java.util.Objects;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;

/**
 * The {@code k} nearest items to a vector: each segment's vector graph is searched for {@link
 * #DEPTH} times as many, and the best {@code k} of them all are kept. A graph search for k items
 * misses some of the true k nearest; searching deeper misses fewer. On the 100,000-paper bench
 * index, with a paper's own vector as the query, the share of the exact 100 nearest found was 0.83
 * over its four segments at k = 100 (4.2 ms a query), 0.75 once FewSmallSegments had merged them
 * into one (1.9 ms), and 0.84 on that one segment at twice the depth (2.9 ms; src/bench/README.md,
 * stop 30).
 */
final class WideNearestQuery extends KnnFloatVectorQuery {

  /** How many times {@code k} each graph is searched for. */
  static final int DEPTH = 2;

  private final int kept;

  WideNearestQuery(String field, float[] target, int k, Query filter) {
    super(field, target, Math.multiplyExact(k, DEPTH), filter);
    this.kept = k;
  }

  @Override
  protected TopDocs mergeLeafResults(TopDocs[] perLeafResults) {
    return TopDocs.merge(kept, perLeafResults);
  }

  @Override
  public boolean equals(Object o) {
    return super.equals(o) && ((WideNearestQuery) o).kept == kept;
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), kept);
  }

  @Override
  public String toString(String field) {
    return super.toString(field) + "[kept " + kept + "]";
  }
}
