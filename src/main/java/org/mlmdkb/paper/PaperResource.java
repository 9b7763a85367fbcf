package org.mlmdkb.paper;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.Set;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.paging.Limits;
import org.mlmdkb.common.query.FieldSelection;
import org.mlmdkb.common.query.QueryParams;
import org.mlmdkb.common.query.YearRange;
import org.mlmdkb.paper.PaperDtos.PaperDetail;
import org.mlmdkb.search.SearchDtos.RelatedList;

/** Research papers: a filtered, keyset-paged list and single papers by id, DOI or arXiv id. */
@Path("/api/v1/papers")
@Produces(MediaType.APPLICATION_JSON)
public class PaperResource {

  private static final Set<String> LIST_PARAMETERS =
      Set.of(
          "q",
          "year",
          "author",
          "venue",
          "tag",
          "method",
          "dataset",
          "has_code",
          "sort",
          "limit",
          "cursor",
          "fields");

  private final PaperService service;
  private final FieldSelection fieldSelection;

  public PaperResource(PaperService service, FieldSelection fieldSelection) {
    this.service = service;
    this.fieldSelection = fieldSelection;
  }

  @GET
  public JsonNode list(
      @Context UriInfo uri,
      @QueryParam("q") String q,
      @QueryParam("year") String year,
      @QueryParam("author") String author,
      @QueryParam("venue") String venue,
      @QueryParam("tag") String tag,
      @QueryParam("method") String method,
      @QueryParam("dataset") String dataset,
      @QueryParam("has_code") String hasCode,
      @QueryParam("sort") String sort,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor,
      @QueryParam("fields") String fields)
      throws SQLException {
    QueryParams.allowOnly(uri, LIST_PARAMETERS);
    YearRange years = YearRange.parse("year", year);
    String sortParameter = QueryParams.oneOf("sort", sort, PaperSort.parameters());
    String text = QueryParams.text("q", q);
    if (text == null && "relevance".equals(sortParameter)) {
      throw ApiException.badParameter("sort", "relevance needs q: there is nothing to rank by");
    }
    PaperFilter filter =
        new PaperFilter(
            text,
            years.from(),
            years.to(),
            QueryParams.text("author", author),
            QueryParams.text("venue", venue),
            QueryParams.text("tag", tag),
            QueryParams.text("method", method),
            QueryParams.text("dataset", dataset),
            QueryParams.bool("has_code", hasCode),
            sortParameter != null
                ? PaperSort.fromParameter(sortParameter)
                : text != null ? PaperSort.RELEVANCE : PaperSort.YEAR_DESC,
            Limits.check(QueryParams.integer("limit", limit)),
            QueryParams.text("cursor", cursor));
    return fieldSelection.apply(
        service.list(filter), QueryParams.list("fields", fields), PaperFields.SELECTABLE);
  }

  /** Literal "/related" makes this path more specific than the plain {ref} one. */
  @GET
  @Path("{ref: .+}/related")
  public RelatedList related(
      @Context UriInfo uri, @PathParam("ref") String ref, @QueryParam("limit") String limit)
      throws SQLException {
    QueryParams.allowOnly(uri, Set.of("limit"));
    return service.related(ref, Limits.check(QueryParams.integer("limit", limit)));
  }

  @GET
  @Path("{ref: .+}")
  public PaperDetail get(@PathParam("ref") String ref) throws SQLException {
    return service.get(ref);
  }
}
