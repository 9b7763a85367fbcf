package org.mlmdkb.result;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.mlmdkb.common.paging.Page;
import org.mlmdkb.common.paging.PageParams;
import org.mlmdkb.common.query.FieldSelection;
import org.mlmdkb.common.query.PathIds;
import org.mlmdkb.common.query.QueryParams;
import org.mlmdkb.common.web.ReadResponses;
import org.mlmdkb.metric.Unit;

/** Benchmark results: a filtered, keyset-paged list in JSON or CSV, optionally unit-converted. */
@Path("/api/v1/results")
@Produces({MediaType.APPLICATION_JSON, "text/csv"})
public class ResultResource {

  private static final Set<String> PARAMETERS =
      Set.of(
          "dataset", "subset", "method", "task", "target", "metric", "paper", "status", "unit",
          "limit", "cursor", "format", "fields");

  /** What fields= may select: the result's properties and the converted ones. */
  private static final List<String> SELECTABLE =
      java.util.stream.Stream.concat(
              FieldSelection.propertiesOf(ResultDto.class).stream(),
              java.util.stream.Stream.of(
                  "converted_value", "converted_uncertainty", "converted_unit"))
          .toList();

  private final ResultService service;
  private final ReadResponses reads;

  public ResultResource(ResultService service, ReadResponses reads) {
    this.service = service;
    this.reads = reads;
  }

  /** One result with a strong ETag; a matching If-None-Match answers 304. */
  @GET
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public Response get(@PathParam("id") String id, @Context Request request) throws SQLException {
    ResultDto result = service.get(PathIds.parse("id", id, "result"));
    return reads.conditionalGet(result, request).build();
  }

  @GET
  public Response list(
      @Context UriInfo uri,
      @Context HttpHeaders headers,
      @QueryParam("dataset") String dataset,
      @QueryParam("subset") String subset,
      @QueryParam("method") String method,
      @QueryParam("task") String task,
      @QueryParam("target") String target,
      @QueryParam("metric") String metric,
      @QueryParam("paper") String paper,
      @QueryParam("status") String status,
      @QueryParam("unit") String unit,
      @BeanParam PageParams paging,
      @QueryParam("format") String format)
      throws SQLException {
    QueryParams.allowOnly(uri, PARAMETERS);
    boolean csv = BenchmarkParams.wantsCsv(format, headers);
    Unit requested = BenchmarkParams.unit(unit);
    Integer paperId = QueryParams.integer("paper", paper);
    ResultFilter filter =
        new ResultFilter(
            QueryParams.text("dataset", dataset),
            QueryParams.text("subset", subset),
            QueryParams.text("method", method),
            QueryParams.text("task", task),
            QueryParams.text("target", target),
            QueryParams.text("metric", metric),
            paperId == null ? null : paperId.longValue(),
            QueryParams.oneOf("status", status, BenchmarkParams.STATUSES),
            paging.limit(),
            paging.cursor());
    Page<ResultItem> page = service.list(filter, requested);
    if (!csv) {
      return Response.ok(
              reads.select(
                  page, "items", QueryParams.list("fields", paging.fields()), SELECTABLE, "id"),
              MediaType.APPLICATION_JSON_TYPE)
          .build();
    }
    Response.ResponseBuilder response =
        Response.ok(CsvExport.results(page.items(), requested), CsvExport.MEDIA_TYPE)
            .header("Content-Disposition", "attachment; filename=\"results.csv\"");
    if (page.nextCursor() != null) {
      // CSV has no room for the cursor, so the next page travels as a Link header (RFC 8288).
      response.link(
          uri.getRequestUriBuilder().replaceQueryParam("cursor", page.nextCursor()).build(),
          "next");
    }
    return response.build();
  }
}
