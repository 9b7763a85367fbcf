package org.mlmdkb.common.web;

/**
 * What the API root says about search. The search feature answers it, so that common/ depends on no
 * feature.
 */
public interface SearchSummary {

  /** The root's {@code search} member, serialised as it stands. */
  Object summary();
}
