package org.mlmdkb.metric;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.mlmdkb.common.query.QueryParams;
import org.mlmdkb.common.query.WireNamed;
import org.mlmdkb.common.web.ReadResponses;

/**
 * The metric registry: what results may be reported as, which way is better and what range values
 * lie in. Small enough to return whole, ordered by name.
 */
@Path("/api/v1/metrics")
@Produces(MediaType.APPLICATION_JSON)
public class MetricResource {

  private final MetricService service;
  private final ReadResponses reads;

  public MetricResource(MetricService service, ReadResponses reads) {
    this.service = service;
    this.reads = reads;
  }

  @GET
  public JsonNode list(
      @Context UriInfo uri,
      @QueryParam("direction") String direction,
      @QueryParam("kind") String kind,
      @QueryParam("dimension") String dimension,
      @QueryParam("fields") String fields)
      throws SQLException {
    QueryParams.allowOnly(uri, Set.of("direction", "kind", "dimension", "fields"));
    MetricRepository.Filter filter =
        new MetricRepository.Filter(
            QueryParams.oneOf("direction", direction, WireNamed.wireNames(Metric.Direction.class)),
            QueryParams.oneOf("kind", kind, WireNamed.wireNames(Metric.Kind.class)),
            QueryParams.oneOf("dimension", dimension, WireNamed.wireNames(Dimension.class)));
    return reads.items(new MetricList(service.list(filter)), fields, MetricDto.class, "name");
  }

  /**
   * One live metric with a strong ETag (the one writes compare against); a matching If-None-Match
   * answers 304.
   */
  @GET
  @Path("{name}")
  public Response get(
      @Context UriInfo uri, @PathParam("name") String name, @Context Request request)
      throws SQLException {
    QueryParams.allowOnly(uri, Set.of());
    MetricDto metric = service.get(MetricCollection.pathName(name));
    return reads.conditionalGet(metric, request).build();
  }

  /** Body of {@code GET /api/v1/metrics}. */
  public record MetricList(List<MetricDto> items) {}
}
