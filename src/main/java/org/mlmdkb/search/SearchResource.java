package org.mlmdkb.search;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.paging.Cursor;
import org.mlmdkb.common.paging.Limits;
import org.mlmdkb.common.query.QueryParams;
import org.mlmdkb.paper.PaperFilter;
import org.mlmdkb.paper.PaperFilterParams;
import org.mlmdkb.paper.PaperSort;
import org.mlmdkb.search.SearchDtos.SearchPage;
import org.mlmdkb.search.SearchDtos.SuggestionList;

/** Ranked search across papers, articles, methods and datasets, and search-as-you-type. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

  private static final Set<String> SEARCH_PARAMETERS =
      QueryParams.union(
          PaperFilterParams.PARAMETERS,
          Set.of("q", "type", "facets", "facet_limit", "limit", "cursor", "mode"));

  static final List<String> FACETS = List.of("type", "year", "tag", "method", "dataset", "venue");

  private static final int MAX_FACET_LIMIT = 100;

  private final SearchService service;
  private final SuggestService suggestions;

  public SearchResource(SearchService service, SuggestService suggestions) {
    this.service = service;
    this.suggestions = suggestions;
  }

  @GET
  @Path("search")
  public SearchPage search(
      @Context UriInfo uri,
      @QueryParam("q") String q,
      @QueryParam("type") String type,
      @BeanParam PaperFilterParams filters,
      @QueryParam("facets") String facets,
      @QueryParam("facet_limit") String facetLimit,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor,
      @QueryParam("mode") String mode)
      throws SQLException {
    QueryParams.allowOnly(uri, SEARCH_PARAMETERS);
    String requestedMode = QueryParams.oneOf("mode", mode, SearchMode.wireNames());
    String text = QueryParams.text("q", q);
    if (text == null) {
      throw ApiException.badParameter("q", "is required: the words to search for");
    }
    PaperFilter filter = filters.toFilter(null, PaperSort.YEAR_DESC, Limits.DEFAULT, null);
    boolean hasPaperFilter =
        filter.yearFrom() != null
            || filter.yearTo() != null
            || filter.author() != null
            || filter.venue() != null
            || filter.tag() != null
            || filter.method() != null
            || filter.dataset() != null
            || filter.hasCode() != null;
    Integer fl = QueryParams.integer("facet_limit", facetLimit);
    if (fl != null && (fl < 1 || fl > MAX_FACET_LIMIT)) {
      throw ApiException.badParameter(
          "facet_limit", "must be between 1 and " + MAX_FACET_LIMIT + ", was " + fl);
    }
    int offset =
        cursor == null || cursor.isBlank()
            ? 0
            : offsetOf(Cursor.decode(cursor.strip(), "relevance", 1).get(0));
    return service.search(
        new SearchRequest(
            text,
            types(type),
            filter,
            hasPaperFilter,
            closedSet("facets", facets, FACETS),
            fl == null ? 10 : fl,
            Limits.check(QueryParams.integer("limit", limit)),
            offset,
            requestedMode));
  }

  @GET
  @Path("suggest")
  public SuggestionList suggest(
      @Context UriInfo uri, @QueryParam("q") String q, @QueryParam("limit") String limit)
      throws SQLException {
    QueryParams.allowOnly(uri, Set.of("q", "limit"));
    Integer n = QueryParams.integer("limit", limit);
    if (n != null && (n < 1 || n > SuggestService.MAX)) {
      throw ApiException.badParameter(
          "limit", "must be between 1 and " + SuggestService.MAX + ", was " + n);
    }
    return suggestions.suggest(QueryParams.text("q", q), n == null ? SuggestService.MAX : n);
  }

  private static Set<SearchType> types(String value) {
    List<String> names = Arrays.stream(SearchType.values()).map(SearchType::wire).toList();
    Set<String> chosen = closedSet("type", value, names);
    if (chosen.isEmpty()) {
      return EnumSet.allOf(SearchType.class);
    }
    Set<SearchType> out = EnumSet.noneOf(SearchType.class);
    chosen.forEach(t -> out.add(SearchType.valueOf(t.toUpperCase(Locale.ROOT))));
    return out;
  }

  /** A comma-separated subset of {@code allowed}; an unknown member is a 400 naming it. */
  private static Set<String> closedSet(String name, String value, List<String> allowed) {
    Set<String> out = new LinkedHashSet<>();
    for (String item : QueryParams.list(name, value)) {
      out.add(QueryParams.oneOf(name, item, allowed));
    }
    return out;
  }

  private static int offsetOf(String key) {
    try {
      int offset = Integer.parseInt(key);
      if (offset >= 0 && offset <= 10_000) {
        return offset;
      }
    } catch (NumberFormatException e) {
      // fall through to the same answer as any foreign cursor
    }
    throw ApiException.badParameter(
        "cursor", "is not a cursor this search issued; start without it");
  }
}
