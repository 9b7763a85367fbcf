package org.mlmdkb.paper;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.Set;
import org.mlmdkb.common.paging.Limits;
import org.mlmdkb.common.query.FieldSelection;
import org.mlmdkb.common.query.QueryParams;
import org.mlmdkb.common.query.YearRange;
import org.mlmdkb.curation.EntityTags;
import org.mlmdkb.paper.PaperDtos.PaperDetail;

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
  private final EntityTags entityTags;

  public PaperResource(PaperService service, FieldSelection fieldSelection, EntityTags entityTags) {
    this.service = service;
    this.fieldSelection = fieldSelection;
    this.entityTags = entityTags;
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
    PaperFilter filter =
        new PaperFilter(
            QueryParams.text("q", q),
            years.from(),
            years.to(),
            QueryParams.text("author", author),
            QueryParams.text("venue", venue),
            QueryParams.text("tag", tag),
            QueryParams.text("method", method),
            QueryParams.text("dataset", dataset),
            QueryParams.bool("has_code", hasCode),
            sortParameter == null ? PaperSort.YEAR_DESC : PaperSort.fromParameter(sortParameter),
            Limits.check(QueryParams.integer("limit", limit)),
            QueryParams.text("cursor", cursor));
    return fieldSelection.apply(
        service.list(filter), QueryParams.list("fields", fields), PaperFields.SELECTABLE);
  }

  /** With a strong ETag of the representation; a matching If-None-Match answers 304. */
  @GET
  @Path("{ref: .+}")
  public Response get(@PathParam("ref") String ref, @Context Request request) throws SQLException {
    PaperDetail paper = service.get(ref);
    EntityTag tag = new EntityTag(entityTags.of(paper));
    Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
    if (notModified != null) {
      return notModified.tag(tag).build();
    }
    return Response.ok(paper).tag(tag).build();
  }
}
