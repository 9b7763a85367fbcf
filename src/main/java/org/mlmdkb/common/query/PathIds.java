package org.mlmdkb.common.query;

import org.mlmdkb.common.error.ApiException;

/** Numeric ids in paths: anything else is a 400 naming the parameter, never a 404 or 500. */
public final class PathIds {

  private PathIds() {}

  /** Parses {@code value} as a positive id of at most 18 digits (fits a bigint). */
  public static long parse(String name, String value, String what) {
    if (value == null || !value.matches("\\d{1,18}")) {
      throw ApiException.badPathParameter(name, "must be a numeric " + what + " id");
    }
    return Long.parseLong(value);
  }
}
