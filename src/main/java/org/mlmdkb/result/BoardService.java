package org.mlmdkb.result;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.common.error.ProblemType;
import org.mlmdkb.metric.IncompatibleUnitsException;
import org.mlmdkb.metric.Metric;
import org.mlmdkb.metric.MetricRegistry;
import org.mlmdkb.metric.Unit;
import org.mlmdkb.result.BoardDtos.AppliedFilters;
import org.mlmdkb.result.BoardDtos.BoardIndex;
import org.mlmdkb.result.BoardDtos.BoardRow;
import org.mlmdkb.result.BoardDtos.BoardSummary;
import org.mlmdkb.result.BoardDtos.CompareCell;
import org.mlmdkb.result.BoardDtos.CompareColumn;
import org.mlmdkb.result.BoardDtos.CompareRow;
import org.mlmdkb.result.BoardDtos.Comparison;
import org.mlmdkb.result.BoardDtos.Fingerprint;
import org.mlmdkb.result.BoardDtos.Leaderboard;
import org.mlmdkb.result.BoardDtos.OtherFingerprint;
import org.mlmdkb.result.BoardRepository.FingerprintCount;

/**
 * Leaderboards and comparison matrices. Results are ranked only within one comparability
 * fingerprint; everything else reachable by the same parameters is listed, never mixed in.
 */
@ApplicationScoped
public class BoardService {

  private final ResultRepository results;
  private final BoardRepository boards;
  private final MetricRegistry registry;

  public BoardService(ResultRepository results, BoardRepository boards, MetricRegistry registry) {
    this.results = results;
    this.boards = boards;
    this.registry = registry;
  }

  public BoardIndex index(BoardFilter filter) throws SQLException {
    MetricRegistry.Snapshot metrics = registry.snapshot();
    List<BoardSummary> items =
        results.listBoards(filter).stream()
            .map(
                b -> {
                  Metric m = metrics.of(b.metric());
                  return new BoardSummary(
                      b.dataset(),
                      b.subset(),
                      b.task(),
                      b.target(),
                      b.metric(),
                      m.direction().wire(),
                      m.kind().wire(),
                      b.nResults(),
                      b.nMethods(),
                      b.nFingerprints());
                })
            .toList();
    return new BoardIndex(items, items.size());
  }

  /**
   * The board of the fingerprint with most results among those {@code filter} reaches, for a view
   * that names its dataset in the query (Pareto).
   */
  public Leaderboard leaderboard(BoardFilter filter, Unit requested) throws SQLException {
    return leaderboard(filter, requested, null, "query");
  }

  /**
   * The board as {@link #leaderboard(BoardFilter, Unit)}, its rows cut after {@code limit} (null:
   * all); ranks are those of the whole board.
   */
  public Leaderboard leaderboard(BoardFilter filter, Unit requested, Integer limit)
      throws SQLException {
    return leaderboard(filter, requested, limit, "path"); // /leaderboards/{dataset}
  }

  private Leaderboard leaderboard(
      BoardFilter filter, Unit requested, Integer limit, String datasetIn) throws SQLException {
    requireDataset(filter.dataset(), datasetIn);
    requireKnownCriteria(filter.criteria());
    List<FingerprintCount> fingerprints =
        boards.fingerprints(filter).stream().sorted(BoardService::byBoardSize).toList();
    if (fingerprints.isEmpty()) {
      throw noResults(filter);
    }
    FingerprintCount chosen = fingerprints.get(0);
    Metric metric = registry.snapshot().of(chosen.fingerprint().metric());
    BoardRepository.Best selected = boards.best(filter, chosen, metric, filter.perVariant());
    if (selected.rows().isEmpty()) {
      throw noResults(filter); // its last results were removed between the two reads
    }
    Unit unit = boardUnit(selected.majorityUnit(), requested);
    List<ResultDto> best =
        selected.rows().stream()
            .sorted(order(metric))
            .filter(r -> filter.values().contains(unitOf(r).convertForDisplay(r.value(), unit)))
            .toList();
    List<BoardRow> rows = new ArrayList<>();
    ResultDto previous = null;
    Integer previousRank = null;
    for (int i = 0; i < best.size(); i++) {
      ResultDto r = best.get(i);
      // Standard competition ranking (1, 2, 2, 4): equal values share a rank whatever their
      // uncertainties, and so do values whose uncertainties overlap the row above.
      boolean tied =
          metric.ranked() && previous != null && (sameValue(previous, r) || overlap(previous, r));
      Integer rank = !metric.ranked() ? null : tied ? previousRank : Integer.valueOf(i + 1);
      previous = r;
      previousRank = rank;
      if (limit != null && i >= limit) {
        continue;
      }
      Unit reported = unitOf(r);
      rows.add(
          new BoardRow(
              rank,
              tied,
              r.method(),
              r.methodVariant(),
              reported.convertForDisplay(r.value(), unit),
              r.uncertainty() == null ? null : reported.convertForDisplay(r.uncertainty(), unit),
              r.nTrain(),
              r.split(),
              r.status(),
              r.value(),
              r.unit(),
              r.reportedOn(),
              r.id(),
              r.provenance()));
    }
    List<OtherFingerprint> others =
        fingerprints.subList(1, fingerprints.size()).stream()
            .map(
                g ->
                    new OtherFingerprint(
                        g.fingerprint(),
                        Math.toIntExact(g.nResults()),
                        Math.toIntExact(g.nMethods())))
            .toList();
    return new Leaderboard(
        chosen.fingerprint(),
        metric.direction().wire(),
        metric.kind().wire(),
        unit.code(),
        filter.asOf(),
        AppliedFilters.of(filter),
        best.size(),
        rows,
        others);
  }

  /**
   * The board for an SVG: at most {@link BoardChart#MAX_ROWS} rows, so no request yields a huge
   * image; a longer board needs {@code limit}.
   */
  public Leaderboard chartableBoard(BoardFilter filter, Unit requested, Integer limit)
      throws SQLException {
    if (limit != null && limit > BoardChart.MAX_ROWS) {
      throw ApiException.badParameter(
          "limit", "is " + limit + "; an SVG chart shows at most " + BoardChart.MAX_ROWS + " rows");
    }
    Leaderboard board = leaderboard(filter, requested, limit);
    if (limit == null && board.nRows() > BoardChart.MAX_ROWS) {
      throw ApiException.badParameter(
          "limit",
          "is needed: the board has "
              + board.nRows()
              + " rows and an SVG chart shows at most "
              + BoardChart.MAX_ROWS
              + "; add limit=1.."
              + BoardChart.MAX_ROWS
              + " for the top rows");
    }
    return board;
  }

  /**
   * Methods × columns, a column per (subset, task, target, metric); within a column the fingerprint
   * that covers most of the methods is used, so no cell mixes protocols.
   */
  public Comparison compare(BoardFilter filter, Unit requested) throws SQLException {
    requireDataset(filter.dataset(), "query");
    requireKnownCriteria(filter.criteria());
    // Every requested method gets a row, in the order asked; no result means null cells.
    List<ResultDto.Ref> methods = new ArrayList<>();
    for (String slug : filter.methods()) {
      methods.add(
          results
              .findMethod(slug)
              .orElseThrow(
                  () -> notFound("methods", "Method '" + slug + "'", "names no known method")));
    }
    List<ResultDto> all = results.listForBoards(filter);
    if (all.isEmpty()) {
      throw noResults(filter);
    }
    // Column order: no subset first, then by subset, task, target and metric.
    Map<String, List<ResultDto>> byColumn =
        all.stream()
            .collect(
                Collectors.groupingBy(
                    r ->
                        String.join(
                            "\u001f",
                            r.subset() == null ? "" : r.subset().slug(),
                            r.task(),
                            r.target(),
                            r.metric()),
                    java.util.TreeMap::new,
                    Collectors.toList()));
    MetricRegistry.Snapshot metrics = registry.snapshot();
    List<CompareColumn> columns = new ArrayList<>();
    List<Map<String, ResultDto>> bestByColumn = new ArrayList<>();
    for (List<ResultDto> rows : byColumn.values()) {
      List<Group> groups = groups(rows);
      Group chosen = groups.get(0);
      Metric metric = metrics.of(chosen.key.metric());
      Unit unit = boardUnit(chosen, requested);
      columns.add(
          new CompareColumn(
              chosen.fingerprint(), metric.direction().wire(), unit.code(), groups.size() - 1));
      bestByColumn.add(
          bestPer(chosen.rows, metric, false).stream()
              .filter(r -> filter.values().contains(unitOf(r).convertForDisplay(r.value(), unit)))
              .collect(Collectors.toMap(r -> r.method().slug(), Function.identity())));
    }
    List<CompareRow> rows = new ArrayList<>();
    for (ResultDto.Ref method : methods) {
      List<CompareCell> cells = new ArrayList<>();
      for (int c = 0; c < columns.size(); c++) {
        ResultDto r = bestByColumn.get(c).get(method.slug());
        if (r == null) {
          cells.add(null);
          continue;
        }
        Unit unit = Unit.parse(columns.get(c).unit()).orElseThrow();
        Unit reported = unitOf(r);
        Metric metric = metrics.of(r.metric());
        cells.add(
            new CompareCell(
                reported.convertForDisplay(r.value(), unit),
                r.uncertainty() == null ? null : reported.convertForDisplay(r.uncertainty(), unit),
                r.methodVariant(),
                r.status(),
                metric.ranked() && isBest(r, bestByColumn.get(c).values(), metric),
                r.id()));
      }
      rows.add(new CompareRow(method, cells));
    }
    return new Comparison(
        all.get(0).dataset(), filter.asOf(), AppliedFilters.of(filter), columns, rows);
  }

  /** Whether {@code r} equals the column's best value; equal best values are all best. */
  private static boolean isBest(
      ResultDto r, java.util.Collection<ResultDto> column, Metric metric) {
    return column.stream()
        .sorted(order(metric))
        .findFirst()
        .map(b -> sameValue(b, r))
        .orElse(false);
  }

  /** Training datasets and the lineage root must exist: a typo must not empty a board. */
  private void requireKnownCriteria(MethodCriteria criteria) throws SQLException {
    List<String> datasets = criteria.datasetSlugs();
    List<String> unknown = datasets.isEmpty() ? List.of() : results.unknownDatasets(datasets);
    if (!unknown.isEmpty()) {
      List<Problem.FieldError> errors = new ArrayList<>();
      for (String name : List.of("trained_on", "trained_only_on")) {
        List<String> given =
            name.equals("trained_on") ? criteria.trainedOn() : criteria.trainedOnlyOn();
        List<String> bad = given.stream().filter(unknown::contains).toList();
        if (!bad.isEmpty()) {
          errors.add(new Problem.FieldError(name, "query", "names no known dataset: " + bad));
        }
      }
      throw new ApiException(
          ProblemType.INVALID_PARAMETER,
          "Unknown training dataset(s) " + unknown + "; GET /api/v1/datasets lists the datasets",
          errors);
    }
    if (criteria.lineage() != null && results.findMethod(criteria.lineage()).isEmpty()) {
      throw ApiException.badParameter(
          "lineage", "names no known method: '" + criteria.lineage() + "'");
    }
  }

  private static boolean sameValue(ResultDto a, ResultDto b) {
    return a.canonicalValue().compareTo(b.canonicalValue()) == 0;
  }

  /** {@code in}: where the request names the dataset, {@code path} or {@code query}. */
  private void requireDataset(String dataset, String in) throws SQLException {
    if (dataset == null) {
      throw ApiException.badParameter("dataset", "is required");
    }
    if (!results.datasetExists(dataset)) {
      throw notFound("dataset", in, "Dataset '" + dataset + "'", "names no known dataset");
    }
  }

  static ApiException notFound(String parameter, String what, String message) {
    return notFound(parameter, "query", what, message);
  }

  static ApiException notFound(String parameter, String in, String what, String message) {
    return new ApiException(
        ProblemType.NOT_FOUND,
        what + " does not exist",
        List.of(new Problem.FieldError(parameter, in, message)));
  }

  private static ApiException noResults(BoardFilter f) {
    return new ApiException(
        ProblemType.NO_RESULTS,
        "No results of dataset '"
            + f.dataset()
            + "' match these parameters"
            + (f.asOf() == null ? "" : " on " + f.asOf())
            + "; GET /api/v1/leaderboards lists the boards that exist",
        List.of());
  }

  /**
   * Most methods first, then most results, then the fingerprint's values in order: the board a
   * filter reaches is the one most methods can be compared on.
   */
  private static int byBoardSize(FingerprintCount a, FingerprintCount b) {
    int c = Long.compare(b.nMethods(), a.nMethods());
    if (c == 0) {
      c = Long.compare(b.nResults(), a.nResults());
    }
    return c != 0 ? c : sortKey(a).compareTo(sortKey(b));
  }

  private static String sortKey(FingerprintCount f) {
    Fingerprint p = f.fingerprint();
    return String.join(
        "\u001f",
        p.subset() == null ? "" : p.subset().slug(),
        p.task(),
        p.target(),
        p.metric(),
        p.basis(),
        Objects.toString(p.split(), ""),
        p.nTrain() == null ? "" : String.format("%012d", p.nTrain()),
        Objects.toString(p.levelOfTheory(), ""),
        p.temperatureK() == null ? "" : p.temperatureK().stripTrailingZeros().toPlainString(),
        f.canonicalUnit());
  }

  /** The requested unit if it fits the board, else the one most of its results are reported in. */
  private static Unit boardUnit(String majority, Unit requested) {
    Unit sample =
        Unit.parse(majority)
            .orElseThrow(
                () -> new IllegalStateException("unknown unit in the database: " + majority));
    if (requested != null) {
      if (requested.dimension() != sample.dimension()) {
        throw new IncompatibleUnitsException(sample, requested);
      }
      return requested;
    }
    return sample;
  }

  /** The requested unit if it fits the board, else the unit most of its results are reported in. */
  private static Unit boardUnit(Group board, Unit requested) {
    Unit sample = unitOf(board.rows.get(0));
    if (requested != null) {
      if (requested.dimension() != sample.dimension()) {
        throw new IncompatibleUnitsException(sample, requested);
      }
      return requested;
    }
    return board.rows.stream()
        .collect(Collectors.groupingBy(BoardService::unitOf, Collectors.counting()))
        .entrySet()
        .stream()
        .max(
            Map.Entry.<Unit, Long>comparingByValue()
                .thenComparing(e -> e.getKey().code(), Comparator.reverseOrder()))
        .orElseThrow()
        .getKey();
  }

  private static Unit unitOf(ResultDto r) {
    return Unit.parse(r.unit())
        .orElseThrow(() -> new IllegalStateException("unknown unit in the database: " + r.unit()));
  }

  /**
   * Best result per method (or variant) in ranking order; equal values order by method slug, for a
   * stable page (their ranks are equal).
   */
  private static List<ResultDto> bestPer(List<ResultDto> rows, Metric metric, boolean variant) {
    Map<String, ResultDto> best = new LinkedHashMap<>();
    rows.stream()
        .sorted(order(metric))
        .forEach(
            r ->
                best.putIfAbsent(
                    variant
                        ? r.method().slug() + "\u001f" + Objects.toString(r.methodVariant(), "")
                        : r.method().slug(),
                    r));
    return new ArrayList<>(best.values());
  }

  private static Comparator<ResultDto> order(Metric metric) {
    Comparator<ResultDto> byValue = Comparator.comparing(ResultDto::canonicalValue);
    Comparator<ResultDto> primary =
        switch (metric.direction()) {
          case LOWER_IS_BETTER -> byValue;
          case HIGHER_IS_BETTER -> byValue.reversed();
          // Unranked metrics are listed by method, one (the latest) result each.
          case NONE -> Comparator.comparing((ResultDto r) -> r.method().slug());
        };
    return primary
        .thenComparing(r -> r.method().slug())
        .thenComparing(ResultDto::id, Comparator.reverseOrder());
  }

  /** Two results are tied when both give an uncertainty and value ± uncertainty overlap. */
  private static boolean overlap(ResultDto a, ResultDto b) {
    if (a.uncertainty() == null || b.uncertainty() == null) {
      return false;
    }
    BigDecimal ua = unitOf(a).toCanonical(a.uncertainty());
    BigDecimal ub = unitOf(b).toCanonical(b.uncertainty());
    return a.canonicalValue().subtract(b.canonicalValue()).abs().compareTo(ua.add(ub)) <= 0;
  }

  /** Results grouped by fingerprint, most results first, then a stable order of fingerprints. */
  private static List<Group> groups(List<ResultDto> rows) {
    Map<Key, List<ResultDto>> byKey = new LinkedHashMap<>();
    for (ResultDto r : rows) {
      byKey.computeIfAbsent(Key.of(r), k -> new ArrayList<>()).add(r);
    }
    return byKey.entrySet().stream()
        .map(e -> new Group(e.getKey(), e.getValue()))
        .sorted(
            Comparator.comparingInt((Group g) -> g.methodCount())
                .reversed()
                .thenComparing(g -> g.rows.size(), Comparator.reverseOrder())
                .thenComparing(g -> g.key.sortKey()))
        .toList();
  }

  /** The fingerprint as a value, with the temperature normalised (600 = 600.0). */
  private record Key(
      String dataset,
      String subset,
      String task,
      String target,
      String metric,
      String basis,
      String split,
      Integer nTrain,
      String levelOfTheory,
      String temperatureK,
      String dimension) {

    static Key of(ResultDto r) {
      return new Key(
          r.dataset().slug(),
          r.subset() == null ? null : r.subset().slug(),
          r.task(),
          r.target(),
          r.metric(),
          r.basis(),
          r.split(),
          r.nTrain(),
          r.levelOfTheory(),
          r.temperatureK() == null ? null : r.temperatureK().stripTrailingZeros().toPlainString(),
          r.canonicalUnit());
    }

    String sortKey() {
      return String.join(
          "\u001f",
          Objects.toString(subset, ""),
          task,
          target,
          metric,
          basis,
          Objects.toString(split, ""),
          nTrain == null ? "" : String.format("%012d", nTrain),
          Objects.toString(levelOfTheory, ""),
          Objects.toString(temperatureK, ""),
          dimension);
    }
  }

  private record Group(Key key, List<ResultDto> rows) {
    int methodCount() {
      return (int) rows.stream().map(r -> r.method().slug()).distinct().count();
    }

    Fingerprint fingerprint() {
      ResultDto r = rows.get(0);
      return new Fingerprint(
          r.dataset(),
          r.subset(),
          r.task(),
          r.target(),
          r.metric(),
          r.basis(),
          r.split(),
          r.nTrain(),
          r.levelOfTheory(),
          r.temperatureK());
    }
  }
}
