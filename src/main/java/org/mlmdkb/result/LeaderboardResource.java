package org.mlmdkb.result;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.query.QueryParams;
import org.mlmdkb.result.BoardDtos.Leaderboard;

/**
 * Leaderboards: without {@code dataset} the index of boards, with it the ranked board of one
 * comparability fingerprint (JSON or CSV).
 */
@Path("/api/v1/leaderboards")
@Produces({MediaType.APPLICATION_JSON, "text/csv"})
public class LeaderboardResource {

  static final Set<String> FILTER_PARAMETERS =
      Set.of(
          "dataset",
          "subset",
          "task",
          "target",
          "metric",
          "basis",
          "split",
          "n_train",
          "level_of_theory",
          "temperature_k",
          "status",
          "as_of");

  private static final Set<String> PARAMETERS =
      union(FILTER_PARAMETERS, Set.of("unit", "format", "per"));

  private final BoardService service;

  public LeaderboardResource(BoardService service) {
    this.service = service;
  }

  @GET
  public Response get(@Context UriInfo uri, @Context HttpHeaders headers) throws SQLException {
    QueryParams.allowOnly(uri, PARAMETERS);
    var q = uri.getQueryParameters();
    boolean csv = BenchmarkParams.wantsCsv(q.getFirst("format"), headers);
    boolean perVariant = "variant".equals(QueryParams.oneOf("per", q.getFirst("per"), PER));
    BoardFilter filter = filter(q, List.of(), perVariant);
    Unit unit = BenchmarkParams.unit(q.getFirst("unit"));
    if (filter.dataset() == null) {
      if (unit != null) {
        throw ApiException.badParameter("unit", "applies to a leaderboard, which needs dataset=");
      }
      return csv
          ? Response.ok(CsvExport.index(service.index(filter)), CsvExport.MEDIA_TYPE)
              .header("Content-Disposition", "attachment; filename=\"leaderboards.csv\"")
              .build()
          : Response.ok(service.index(filter), MediaType.APPLICATION_JSON_TYPE).build();
    }
    Leaderboard board = service.leaderboard(filter, unit);
    return csv
        ? Response.ok(CsvExport.leaderboard(board), CsvExport.MEDIA_TYPE)
            .header("Content-Disposition", "attachment; filename=\"leaderboard.csv\"")
            .build()
        : Response.ok(board, MediaType.APPLICATION_JSON_TYPE).build();
  }

  private static final List<String> PER = List.of("method", "variant");

  static BoardFilter filter(
      jakarta.ws.rs.core.MultivaluedMap<String, String> q,
      List<String> methods,
      boolean perVariant) {
    return new BoardFilter(
        QueryParams.text("dataset", q.getFirst("dataset")),
        QueryParams.text("subset", q.getFirst("subset")),
        QueryParams.text("task", q.getFirst("task")),
        QueryParams.text("target", q.getFirst("target")),
        QueryParams.text("metric", q.getFirst("metric")),
        QueryParams.oneOf("basis", q.getFirst("basis"), BenchmarkParams.BASES),
        QueryParams.text("split", q.getFirst("split")),
        BenchmarkParams.positive("n_train", q.getFirst("n_train")),
        QueryParams.text("level_of_theory", q.getFirst("level_of_theory")),
        BenchmarkParams.decimal("temperature_k", q.getFirst("temperature_k")),
        QueryParams.oneOf("status", q.getFirst("status"), BenchmarkParams.STATUSES),
        methods,
        BenchmarkParams.date("as_of", q.getFirst("as_of")),
        perVariant);
  }

  static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
