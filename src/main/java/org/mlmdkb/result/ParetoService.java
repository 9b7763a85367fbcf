package org.mlmdkb.result;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.common.error.ProblemType;
import org.mlmdkb.metric.Metric;
import org.mlmdkb.metric.Unit;
import org.mlmdkb.result.BoardDtos.AppliedFilters;
import org.mlmdkb.result.BoardDtos.BoardRow;
import org.mlmdkb.result.BoardDtos.Fingerprint;
import org.mlmdkb.result.BoardDtos.Leaderboard;
import org.mlmdkb.result.BoardDtos.ParetoAxis;
import org.mlmdkb.result.BoardDtos.ParetoPoint;
import org.mlmdkb.result.BoardDtos.ParetoView;
import org.mlmdkb.result.ResultDto.Ref;

/**
 * Pareto fronts over two or more metrics of one dataset. Each metric axis is that metric's board
 * (same fingerprint choice, best result per method, board unit); the axes must agree on the
 * protocol, and a method is on the front when no other method is at least as good on every axis and
 * better on one.
 */
@ApplicationScoped
public class ParetoService {

  /** The pseudo-metric of a method's parameter count (fewer is better). */
  static final String PARAMETER_COUNT = "parameter_count";

  /**
   * Fingerprint parts two axes must share: the test data and the protocol. Task, target, metric and
   * basis may differ, since they are what the axes compare (F1 vs energy MAE).
   */
  private static final List<Rule> RULES =
      List.of(
          new Rule("subset", f -> f.subset() == null ? null : f.subset().slug()),
          new Rule("split", Fingerprint::split),
          new Rule("n_train", Fingerprint::nTrain),
          new Rule("level_of_theory", Fingerprint::levelOfTheory),
          new Rule(
              "temperature_k",
              f ->
                  f.temperatureK() == null
                      ? null
                      : f.temperatureK().stripTrailingZeros().toPlainString()));

  private final BoardService boards;
  private final ResultRepository results;

  public ParetoService(BoardService boards, ResultRepository results) {
    this.boards = boards;
    this.results = results;
  }

  /** One metric axis as asked: {@code target} null when the metric name alone picks it. */
  public record AxisSpec(String target, String metric) {
    boolean isParameterCount() {
      return target == null && PARAMETER_COUNT.equalsIgnoreCase(metric);
    }

    String label() {
      return target == null ? metric : target + ":" + metric;
    }
  }

  public ParetoView pareto(BoardFilter filter, List<AxisSpec> specs) throws SQLException {
    List<ParetoAxis> axes = new ArrayList<>();
    List<Map<String, Entry>> columns = new ArrayList<>();
    Map<String, Ref> methods = new LinkedHashMap<>();
    for (AxisSpec spec : specs) {
      if (spec.isParameterCount()) {
        continue;
      }
      Leaderboard board = board(filter, spec);
      requireSameProtocol(specs, axes, spec, board.fingerprint());
      axes.add(
          new ParetoAxis(
              board.fingerprint().metric(),
              board.fingerprint().target(),
              board.direction(),
              board.unit(),
              board.fingerprint()));
      Map<String, Entry> column = new HashMap<>();
      for (BoardRow r : board.rows()) {
        methods.putIfAbsent(r.method().slug(), r.method());
        column.put(r.method().slug(), new Entry(r.value(), r.resultId()));
      }
      columns.add(column);
    }
    if (axes.isEmpty()) {
      throw ApiException.badParameter(
          "metrics", "needs at least one metric of the dataset besides " + PARAMETER_COUNT);
    }
    // The parameter count keeps its place among the axes as asked.
    for (int i = 0; i < specs.size(); i++) {
      if (specs.get(i).isParameterCount()) {
        axes.add(
            i,
            new ParetoAxis(
                PARAMETER_COUNT,
                null,
                Metric.Direction.LOWER_IS_BETTER.wire(),
                Unit.COUNT.code(),
                null));
        columns.add(i, parameterCounts(methods.keySet()));
      }
    }
    return front(filter, axes, columns, methods);
  }

  private ParetoView front(
      BoardFilter filter,
      List<ParetoAxis> axes,
      List<Map<String, Entry>> columns,
      Map<String, Ref> methods) {
    List<Candidate> complete = new ArrayList<>();
    for (Ref method : methods.values()) {
      List<Entry> entries = columns.stream().map(c -> c.get(method.slug())).toList();
      if (entries.stream().allMatch(Objects::nonNull)) {
        complete.add(new Candidate(method, entries));
      }
    }
    List<Boolean> lowerBetter =
        axes.stream()
            .map(a -> a.direction().equals(Metric.Direction.LOWER_IS_BETTER.wire()))
            .toList();
    List<ParetoPoint> points = new ArrayList<>();
    for (Candidate c : complete) {
      List<String> dominatedBy =
          complete.stream()
              .filter(o -> o != c && dominates(o, c, lowerBetter))
              .map(o -> o.method.slug())
              .sorted()
              .toList();
      points.add(
          new ParetoPoint(
              c.method,
              c.entries.stream().map(Entry::value).toList(),
              c.entries.stream().map(Entry::resultId).toList(),
              dominatedBy.isEmpty(),
              dominatedBy));
    }
    Comparator<ParetoPoint> firstAxis = Comparator.comparing(p -> p.values().get(0));
    points.sort(
        Comparator.comparing(ParetoPoint::onFront)
            .reversed()
            .thenComparing(lowerBetter.get(0) ? firstAxis : firstAxis.reversed())
            .thenComparing(p -> p.method().slug()));
    Fingerprint any =
        axes.stream()
            .map(ParetoAxis::fingerprint)
            .filter(Objects::nonNull)
            .findFirst()
            .orElseThrow();
    return new ParetoView(
        any.dataset(),
        filter.asOf(),
        AppliedFilters.of(filter),
        axes,
        (int) points.stream().filter(ParetoPoint::onFront).count(),
        methods.size() - complete.size(),
        points);
  }

  /** {@code a} is at least as good as {@code b} on every axis and better on one. */
  static boolean dominates(Candidate a, Candidate b, List<Boolean> lowerBetter) {
    boolean better = false;
    for (int i = 0; i < lowerBetter.size(); i++) {
      int cmp = a.entries.get(i).value().compareTo(b.entries.get(i).value());
      int gain = lowerBetter.get(i) ? -cmp : cmp;
      if (gain < 0) {
        return false;
      }
      better |= gain > 0;
    }
    return better;
  }

  private Leaderboard board(BoardFilter filter, AxisSpec spec) throws SQLException {
    Leaderboard board;
    try {
      board = boards.leaderboard(filter.forMetric(spec.target(), spec.metric()), null);
    } catch (ApiException e) {
      if (e.type() != ProblemType.NO_RESULTS) {
        throw e;
      }
      throw ApiException.badParameter(
          "metrics",
          "names '"
              + org.mlmdkb.common.query.QueryParams.shorten(spec.label())
              + "', which has no results on dataset '"
              + filter.dataset()
              + "' with these filters; GET /api/v1/leaderboards lists each dataset's metrics");
    }
    if (board.direction().equals(Metric.Direction.NONE.wire())) {
      throw ApiException.badParameter(
          "metrics",
          "names '"
              + spec.label()
              + "', a metric without a known direction (higher or lower is better); it has no"
              + " Pareto front");
    }
    return board;
  }

  /** Every metric axis must share subset, split, n_train, level of theory and temperature. */
  private static void requireSameProtocol(
      List<AxisSpec> specs, List<ParetoAxis> earlier, AxisSpec spec, Fingerprint next) {
    for (ParetoAxis axis : earlier) {
      for (Rule rule : RULES) {
        Object a = rule.part.apply(axis.fingerprint());
        Object b = rule.part.apply(next);
        if (!Objects.equals(a, b)) {
          throw new ApiException(
              ProblemType.INCOMPATIBLE_FINGERPRINTS,
              "The boards of '"
                  + axis.target()
                  + ":"
                  + axis.metric()
                  + "' and '"
                  + next.target()
                  + ":"
                  + next.metric()
                  + "' differ in "
                  + rule.name
                  + " ("
                  + (a == null ? "none" : a)
                  + " vs "
                  + (b == null ? "none" : b)
                  + "); results measured under different "
                  + rule.name
                  + " are not comparable. Narrow with "
                  + rule.name
                  + "= so every metric's board uses the same one.",
              List.of(
                  new Problem.FieldError(
                      "metrics",
                      "query",
                      "separated by "
                          + rule.name
                          + ": "
                          + specs.stream().map(AxisSpec::label).toList())));
        }
      }
    }
  }

  private Map<String, Entry> parameterCounts(java.util.Collection<String> slugs)
      throws SQLException {
    Map<String, Entry> column = new HashMap<>();
    results
        .parameterCounts(List.copyOf(slugs))
        .forEach((slug, count) -> column.put(slug, new Entry(BigDecimal.valueOf(count), null)));
    return column;
  }

  private record Rule(String name, Function<Fingerprint, Object> part) {}

  private record Entry(BigDecimal value, Long resultId) {}

  record Candidate(Ref method, List<Entry> entries) {}
}
