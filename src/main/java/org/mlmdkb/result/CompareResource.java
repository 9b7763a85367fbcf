package org.mlmdkb.result;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.query.QueryParams;
import org.mlmdkb.result.BoardDtos.Comparison;

/** Side-by-side comparison: methods × (subset, target, metric) of one dataset. */
@Path("/api/v1/compare")
@Produces(MediaType.APPLICATION_JSON)
public class CompareResource {

  /** More columns of methods than a side-by-side page can show. */
  static final int MAX_METHODS = 10;

  private static final Set<String> PARAMETERS =
      QueryParams.union(
          LeaderboardResource.FILTER_PARAMETERS,
          LeaderboardResource.METHOD_AND_VALUE_FILTERS,
          Set.of("methods", "unit"));

  private final BoardService service;

  public CompareResource(BoardService service) {
    this.service = service;
  }

  @GET
  public Comparison compare(@Context UriInfo uri) throws SQLException {
    QueryParams.allowOnly(uri, PARAMETERS);
    var q = uri.getQueryParameters();
    List<String> methods = QueryParams.list("methods", q.getFirst("methods"));
    if (methods.isEmpty()) {
      throw ApiException.badParameter("methods", "is required: comma-separated method slugs");
    }
    if (methods.size() > MAX_METHODS) {
      throw ApiException.badParameter(
          "methods", "names " + methods.size() + " methods; at most " + MAX_METHODS);
    }
    BoardFilter filter =
        LeaderboardResource.filter(
            QueryParams.text("dataset", q.getFirst("dataset")),
            q,
            methods.stream().distinct().toList(),
            false);
    return service.compare(filter, BenchmarkParams.unit(q.getFirst("unit")));
  }
}
