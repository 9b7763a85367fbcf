package org.mlmdkb.result;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.query.FieldSelection;
import org.mlmdkb.common.query.QueryParams;
import org.mlmdkb.common.query.Slugs;
import org.mlmdkb.metric.Unit;
import org.mlmdkb.result.BoardDtos.BoardRow;
import org.mlmdkb.result.BoardDtos.BoardSummary;
import org.mlmdkb.result.BoardDtos.Leaderboard;

/**
 * Leaderboards: the index of boards, and under a dataset's slug the ranked board of one
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

  /** Filters on a board's values: they need a board (a dataset), unlike the method filters. */
  static final Set<String> VALUE_FILTERS = Set.of("min", "max");

  static final Set<String> METHOD_AND_VALUE_FILTERS =
      QueryParams.union(MethodCriteria.PARAMETERS, VALUE_FILTERS);

  /**
   * The index takes the fingerprint filters and the method filters (boards counted over such
   * methods); {@code dataset} is the legacy address of one board and is redirected.
   */
  private static final Set<String> INDEX_PARAMETERS =
      QueryParams.union(FILTER_PARAMETERS, MethodCriteria.PARAMETERS, Set.of("format", "fields"));

  /** One board: the dataset is its path, everything else shapes or narrows it. */
  private static final Set<String> BOARD_PARAMETERS =
      QueryParams.union(
          QueryParams.without(FILTER_PARAMETERS, "dataset"),
          METHOD_AND_VALUE_FILTERS,
          Set.of("unit", "format", "per", "limit", "fields"));

  /** What identifies an index entry; kept whatever {@code fields} selects. */
  private static final List<String> INDEX_KEYS =
      List.of("dataset", "subset", "task", "target", "metric");

  /** Most rows a JSON or CSV board returns at once when {@code limit} is given. */
  static final int MAX_LIMIT = 1000;

  private static final List<String> BOARD_FORMATS = List.of("json", "csv", "svg");

  private static final List<String> INDEX_FORMATS = List.of("json", "csv");

  private final BoardService service;
  private final FieldSelection fieldSelection;

  public LeaderboardResource(BoardService service, FieldSelection fieldSelection) {
    this.service = service;
    this.fieldSelection = fieldSelection;
  }

  /**
   * The index of boards (JSON or CSV). {@code ?dataset=} was how one board was addressed before
   * boards had a path of their own: it answers 308 to that path with the other parameters, so old
   * links and clients keep working.
   */
  @GET
  public Response index(@Context UriInfo uri, @Context HttpHeaders headers) throws SQLException {
    QueryParams.allowOnly(uri, INDEX_PARAMETERS);
    var q = uri.getQueryParameters();
    String dataset = QueryParams.text("dataset", q.getFirst("dataset"));
    if (dataset != null) {
      if (!Slugs.isValid(dataset.toLowerCase(java.util.Locale.ROOT))) {
        // Not a slug, so no dataset: answered here, as the board would, not by a redirect to it.
        throw BoardService.notFound(
            "dataset", "Dataset '" + dataset + "'", "names no known dataset");
      }
      URI board = uri.getRequestUriBuilder().replaceQueryParam("dataset").path(dataset).build();
      return Response.status(Response.Status.PERMANENT_REDIRECT).location(board).build();
    }
    BoardFormat format = BoardFormat.of(q.getFirst("format"), headers, INDEX_FORMATS);
    BoardFilter filter = filter(null, q, List.of(), false);
    List<String> fields = QueryParams.list("fields", q.getFirst("fields"));
    if (format == BoardFormat.CSV) {
      return Response.ok(CsvExport.index(service.index(filter)), CsvExport.MEDIA_TYPE)
          .header("Content-Disposition", "attachment; filename=\"leaderboards.csv\"")
          .build();
    }
    return Response.ok(
            fieldSelection.apply(
                service.index(filter),
                "items",
                fields,
                FieldSelection.propertiesOf(BoardSummary.class),
                INDEX_KEYS),
            MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  /** One board: JSON, CSV or an SVG bar chart. */
  @GET
  @Path("{dataset}")
  public Response board(
      @PathParam("dataset") String dataset,
      @Context UriInfo uri,
      @Context HttpHeaders headers,
      @Context Request request)
      throws SQLException {
    QueryParams.allowOnly(uri, BOARD_PARAMETERS);
    var q = uri.getQueryParameters();
    BoardFormat format = BoardFormat.of(q.getFirst("format"), headers, BOARD_FORMATS);
    boolean perVariant = "variant".equals(QueryParams.oneOf("per", q.getFirst("per"), PER));
    BoardFilter filter = filter(QueryParams.text("dataset", dataset), q, List.of(), perVariant);
    Unit unit = BenchmarkParams.unit(q.getFirst("unit"));
    Integer limit = limit(q.getFirst("limit"));
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

  static Integer limit(String value) {
    Integer limit = BenchmarkParams.positive("limit", value);
    if (limit != null && limit > MAX_LIMIT) {
      throw ApiException.badParameter("limit", "must be at most " + MAX_LIMIT + ", was " + limit);
    }
    return limit;
  }

  /** The filters of a board, Pareto view or comparison over {@code dataset} (null: the index). */
  static BoardFilter filter(
      String dataset, MultivaluedMap<String, String> q, List<String> methods, boolean perVariant) {
    return new BoardFilter(
        dataset,
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
}
