package org.mlmdkb.paper;

import jakarta.ws.rs.QueryParam;
import java.util.Set;
import org.mlmdkb.common.query.QueryParams;
import org.mlmdkb.common.query.YearRange;

/**
 * The paper filters shared by {@code /papers} and {@code /search}, bound once so that both
 * endpoints parse and validate them identically.
 */
public class PaperFilterParams {

  /** The query parameters bound here, for the endpoints' {@code QueryParams.allowOnly}. */
  public static final Set<String> PARAMETERS =
      Set.of("year", "author", "venue", "tag", "method", "dataset", "has_code");

  @QueryParam("year")
  String year;

  @QueryParam("author")
  String author;

  @QueryParam("venue")
  String venue;

  @QueryParam("tag")
  String tag;

  @QueryParam("method")
  String method;

  @QueryParam("dataset")
  String dataset;

  @QueryParam("has_code")
  String hasCode;

  /** The validated filter with the given query text, sort, page size and cursor. */
  public PaperFilter toFilter(String q, PaperSort sort, int limit, String cursor) {
    YearRange years = YearRange.parse("year", year);
    return new PaperFilter(
        q,
        years.from(),
        years.to(),
        QueryParams.text("author", author),
        QueryParams.text("venue", venue),
        slugs("tag", tag),
        slugs("method", method),
        slugs("dataset", dataset),
        QueryParams.bool("has_code", hasCode),
        sort,
        limit,
        cursor);
  }

  /** The value as given once it parses as a SlugChoice (PaperFilter keeps it as text). */
  private static String slugs(String name, String value) {
    return SlugChoice.parse(name, value) == null ? null : QueryParams.text(name, value);
  }
}
