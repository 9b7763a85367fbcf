package org.mlmdkb.method;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.paging.Page;
import org.mlmdkb.common.paging.PageParams;
import org.mlmdkb.common.query.QueryParams;
import org.mlmdkb.common.query.Slugs;
import org.mlmdkb.common.svg.SvgCharts;
import org.mlmdkb.common.web.EntityTags;
import org.mlmdkb.common.web.ReadResponses;
import org.mlmdkb.common.web.Representations;
import org.mlmdkb.method.MethodDtos.LineageGraph;
import org.mlmdkb.method.MethodDtos.MethodDetail;
import org.mlmdkb.method.MethodDtos.MethodSummary;

/** Methods (architectures and trained models) with their lineage and results. */
@Path("/api/v1/methods")
@Produces(MediaType.APPLICATION_JSON)
public class MethodResource {

  /** The method table's family CHECK, in its order. */
  public static final List<String> FAMILIES =
      List.of(
          "descriptor",
          "descriptor-nn",
          "kernel",
          "linear",
          "message-passing",
          "equivariant-message-passing",
          "transformer",
          "universal",
          "other");

  private final MethodService service;

  private final ReadResponses reads;

  public MethodResource(MethodService service, ReadResponses reads) {
    this.service = service;
    this.reads = reads;
  }

  @GET
  public JsonNode list(
      @Context UriInfo uri,
      @QueryParam("family") String family,
      @QueryParam("q") String q,
      @QueryParam("dataset") String dataset,
      @BeanParam PageParams page)
      throws SQLException {
    QueryParams.allowOnly(uri, Set.of("family", "q", "dataset", "limit", "cursor", "fields"));
    Page<MethodSummary> found =
        service.list(
            QueryParams.oneOf("family", family, FAMILIES),
            QueryParams.text("q", q),
            QueryParams.text("dataset", dataset),
            page.limit(),
            page.cursor());
    return reads.items(found, page.fields(), MethodSummary.class, "slug");
  }

  /**
   * The method's lineage graph as JSON (nodes and links, for a page to lay out) or drawn as SVG,
   * chosen by {@code format} or Accept; both with a strong ETag (304 on If-None-Match).
   */
  @GET
  @Path("{slug}/lineage")
  @Produces({MediaType.APPLICATION_JSON, SvgCharts.MEDIA_TYPE})
  public Response lineage(
      @PathParam("slug") String slug,
      @Context UriInfo uri,
      @Context HttpHeaders headers,
      @Context Request request)
      throws SQLException {
    QueryParams.allowOnly(uri, Set.of("depth", "format"));
    var q = uri.getQueryParameters();
    String format = Representations.choose(q.getFirst("format"), headers, LINEAGE_FORMATS);
    LineageGraph graph = service.lineage(Slugs.check("slug", slug), depth(q.getFirst("depth")));
    if (format.equals("svg")) {
      return EntityTags.conditionalGet(
              LineageChart.svg(graph).getBytes(StandardCharsets.UTF_8),
              SvgCharts.MEDIA_TYPE + ";charset=UTF-8",
              request)
          .header("Cache-Control", "no-cache")
          .build();
    }
    return reads
        .conditionalGet(graph, request)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .header("Cache-Control", "no-cache")
        .build();
  }

  private static final List<String> LINEAGE_FORMATS = List.of("json", "svg");

  private static Integer depth(String value) {
    Integer depth = QueryParams.integer("depth", value);
    if (depth != null && (depth < 1 || depth > MethodService.MAX_LINEAGE_DEPTH)) {
      throw ApiException.badParameter(
          "depth", "must be between 1 and " + MethodService.MAX_LINEAGE_DEPTH + ", was " + depth);
    }
    return depth;
  }

  /** With a strong ETag of the representation; a matching If-None-Match answers 304. */
  @GET
  @Path("{slug}")
  public Response get(@PathParam("slug") String slug, @Context Request request)
      throws SQLException {
    MethodDetail method = service.get(Slugs.check("slug", slug));
    return reads.conditionalGet(method, request).build();
  }
}
