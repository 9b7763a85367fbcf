package org.mlmdkb.result;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.query.FieldSelection;
import org.mlmdkb.common.query.QueryParams;
import org.mlmdkb.metric.Unit;
import org.mlmdkb.result.BoardDtos.BoardRow;
import org.mlmdkb.result.BoardDtos.Leaderboard;

/**
 * Leaderboards: without {@code dataset} the index of boards, with it the ranked board of one
 * comparability fingerprint (JSON, CSV or an SVG bar chart).
 */
@Path("/api/v1/leaderboards")
@Produces({MediaType.APPLICATION_JSON, "text/csv", BoardFormat.SVG_TYPE})
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

  /** Filters only a board (or comparison) applies: methods' attributes and the board's values. */
  /** Filters on a board's values: they need a board (a dataset), unlike the method filters. */
  static final Set<String> VALUE_FILTERS = Set.of("min", "max");

  static final Set<String> METHOD_AND_VALUE_FILTERS =
      union(MethodCriteria.PARAMETERS, VALUE_FILTERS);

  private static final Set<String> PARAMETERS =
      union(
          union(FILTER_PARAMETERS, METHOD_AND_VALUE_FILTERS),
          Set.of("unit", "format", "per", "limit", "fields"));

  /** Most rows a JSON or CSV board returns at once when {@code limit} is given. */
  static final int MAX_LIMIT = 1000;

  private static final List<String> FORMATS = List.of("json", "csv", "svg");

  private final BoardService service;
  private final FieldSelection fieldSelection;

  public LeaderboardResource(BoardService service, FieldSelection fieldSelection) {
    this.service = service;
    this.fieldSelection = fieldSelection;
  }

  @GET
  public Response get(@Context UriInfo uri, @Context HttpHeaders headers, @Context Request request)
      throws SQLException {
    QueryParams.allowOnly(uri, PARAMETERS);
    var q = uri.getQueryParameters();
    BoardFormat format = BoardFormat.of(q.getFirst("format"), headers, FORMATS);
    boolean perVariant = "variant".equals(QueryParams.oneOf("per", q.getFirst("per"), PER));
    BoardFilter filter = filter(q, List.of(), perVariant);
    Unit unit = BenchmarkParams.unit(q.getFirst("unit"));
    Integer limit = limit(q.getFirst("limit"));
    if (filter.dataset() == null) {
      // The board index also comes as CSV; every other board-only parameter needs a dataset.
      refuseBoardOnlyParameters(
          q, format == BoardFormat.CSV ? BoardFormat.JSON : format, unit, limit);
      return format == BoardFormat.CSV
          ? Response.ok(CsvExport.index(service.index(filter)), CsvExport.MEDIA_TYPE)
              .header("Content-Disposition", "attachment; filename=\"leaderboards.csv\"")
              .build()
          : Response.ok(service.index(filter), MediaType.APPLICATION_JSON_TYPE).build();
    }
    if (format == BoardFormat.SVG) {
      return BoardFormat.svg(BoardChart.svg(service.chartableBoard(filter, unit, limit)), request);
    }
    Leaderboard board = service.leaderboard(filter, unit, limit);
    return format == BoardFormat.CSV
        ? Response.ok(CsvExport.leaderboard(board), CsvExport.MEDIA_TYPE)
            .header("Content-Disposition", "attachment; filename=\"leaderboard.csv\"")
            .build()
        : Response.ok(
                fieldSelection.apply(
                    board,
                    "rows",
                    QueryParams.list("fields", q.getFirst("fields")),
                    FieldSelection.propertiesOf(BoardRow.class),
                    "method"),
                MediaType.APPLICATION_JSON_TYPE)
            .build();
  }

  private static final List<String> PER = List.of("method", "variant");

  /** The index lists boards; what shapes one board's rows or format needs a dataset. */
  private static void refuseBoardOnlyParameters(
      MultivaluedMap<String, String> q, BoardFormat format, Unit unit, Integer limit) {
    String name =
        format != BoardFormat.JSON
            ? "format"
            : unit != null
                ? "unit"
                : q.containsKey("fields")
                    ? "fields"
                    : limit != null
                        ? "limit"
                        // Method filters also narrow the index (boards counted over such methods).
                        : VALUE_FILTERS.stream()
                            .sorted()
                            .filter(q::containsKey)
                            .findFirst()
                            .orElse(null);
    if (name != null) {
      throw ApiException.badParameter(name, "applies to a leaderboard, which needs dataset=");
    }
  }

  static Integer limit(String value) {
    Integer limit = BenchmarkParams.positive("limit", value);
    if (limit != null && limit > MAX_LIMIT) {
      throw ApiException.badParameter("limit", "must be at most " + MAX_LIMIT + ", was " + limit);
    }
    return limit;
  }

  static BoardFilter filter(
      MultivaluedMap<String, String> q, List<String> methods, boolean perVariant) {
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
        perVariant,
        MethodCriteria.parse(q),
        ValueRange.parse(q.getFirst("min"), q.getFirst("max")));
  }

  static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
