package org.mlmdkb.common.paging;

import org.mlmdkb.common.error.ApiException;

/** The page-size rule shared by every list: default 20, at most 100. */
public final class Limits {

  public static final int DEFAULT = 20;
  public static final int MAX = 100;

  private Limits() {}

  public static int check(Integer limit) {
    if (limit == null) {
      return DEFAULT;
    }
    if (limit < 1 || limit > MAX) {
      throw ApiException.badParameter("limit", "must be between 1 and " + MAX + ", was " + limit);
    }
    return limit;
  }
}
