package org.mlmdkb.result;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.query.QueryParams;
import org.mlmdkb.result.BoardDtos.ParetoView;
import org.mlmdkb.result.ParetoService.AxisSpec;

/** Pareto fronts over two or more metrics of one dataset, as JSON or an SVG scatter. */
@Path("/api/v1/leaderboards/pareto")
@Produces({MediaType.APPLICATION_JSON, BoardFormat.SVG_TYPE})
public class ParetoResource {

  /** More axes than a front can usefully be read over. */
  static final int MAX_AXES = 4;

  private static final Set<String> PARAMETERS =
      QueryParams.union(
          QueryParams.without(LeaderboardResource.FILTER_PARAMETERS, "target", "metric"),
          MethodCriteria.PARAMETERS,
          Set.of("metrics", "format"));

  private final ParetoService service;

  public ParetoResource(ParetoService service) {
    this.service = service;
  }

  @GET
  public Response get(@Context UriInfo uri, @Context HttpHeaders headers, @Context Request request)
      throws SQLException {
    QueryParams.allowOnly(uri, PARAMETERS);
    var q = uri.getQueryParameters();
    BoardFormat format = BoardFormat.of(q.getFirst("format"), headers, List.of("json", "svg"));
    List<AxisSpec> axes = axes(q.getFirst("metrics"));
    if (format == BoardFormat.SVG && axes.size() != 2) {
      throw ApiException.badParameter(
          "metrics", "names " + axes.size() + " metrics; an SVG scatter shows exactly two");
    }
    ParetoView view =
        service.pareto(
            LeaderboardResource.filter(
                QueryParams.text("dataset", q.getFirst("dataset")), q, List.of(), false),
            axes);
    if (format == BoardFormat.JSON) {
      return Response.ok(view, MediaType.APPLICATION_JSON_TYPE).build();
    }
    if (view.points().size() > ParetoChart.MAX_POINTS) {
      throw ApiException.badParameter(
          "format",
          "svg shows at most "
              + ParetoChart.MAX_POINTS
              + " methods and this view has "
              + view.points().size()
              + "; narrow it with the method filters");
    }
    return BoardFormat.svg(ParetoChart.svg(view), request);
  }

  /** {@code F1,parameter_count} or {@code forces:RMSE,energy:RMSE}: [target:]metric, 2 to 4. */
  static List<AxisSpec> axes(String value) {
    List<String> items = QueryParams.list("metrics", value);
    if (items.size() < 2 || items.size() > MAX_AXES) {
      throw ApiException.badParameter(
          "metrics",
          "must name 2 to "
              + MAX_AXES
              + " metrics, comma-separated, each 'metric' or 'target:metric' (e.g."
              + " F1,parameter_count); named "
              + items.size());
    }
    List<AxisSpec> axes = new ArrayList<>();
    for (String item : items) {
      int colon = item.indexOf(':');
      AxisSpec axis =
          colon < 0
              ? new AxisSpec(null, item)
              : new AxisSpec(item.substring(0, colon).strip(), item.substring(colon + 1).strip());
      if ((axis.target() != null && axis.target().isEmpty()) || axis.metric().isEmpty()) {
        throw ApiException.badParameter(
            "metrics", "has an empty target or metric in '" + QueryParams.shorten(item) + "'");
      }
      if (axes.stream().anyMatch(a -> a.label().equalsIgnoreCase(axis.label()))) {
        throw ApiException.badParameter(
            "metrics", "names '" + QueryParams.shorten(item) + "' twice");
      }
      axes.add(axis);
    }
    return axes;
  }
}
