package org.mlmdkb.common.paging;

import jakarta.ws.rs.QueryParam;
import org.mlmdkb.common.query.QueryParams;

/**
 * The page parameters of a cursor-paged list ({@code limit}, {@code cursor}, {@code fields}), bound
 * once so that every list checks them alike. Each is checked when asked for, so a list still
 * reports the first faulty parameter in the order it reads them.
 */
public class PageParams {

  @QueryParam("limit")
  String limit;

  @QueryParam("cursor")
  String cursor;

  @QueryParam("fields")
  String fields;

  /**
   * The page size: {@link Limits#DEFAULT} when not given, a 400 outside 1 to {@link Limits#MAX}.
   */
  public int limit() {
    return Limits.check(QueryParams.integer("limit", limit));
  }

  public String cursor() {
    return QueryParams.text("cursor", cursor);
  }

  /** The raw {@code fields} parameter, which the response's field selection reads. */
  public String fields() {
    return fields;
  }
}
