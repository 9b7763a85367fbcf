package org.mlmdkb.result;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.mlmdkb.result.ResultDto.Provenance;
import org.mlmdkb.result.ResultDto.Ref;

/** Leaderboards and comparison matrices on the wire. */
public final class BoardDtos {

  private BoardDtos() {}

  /**
   * What makes two results comparable: only results with equal fingerprints are ranked together.
   */
  public record Fingerprint(
      Ref dataset,
      Ref subset,
      String task,
      String target,
      String metric,
      String basis,
      String split,
      Integer nTrain,
      String levelOfTheory,
      BigDecimal temperatureK) {}

  /** The best result of one method on a board; value and uncertainty are in the board's unit. */
  public record BoardRow(
      Integer rank,
      boolean tied,
      Ref method,
      String methodVariant,
      BigDecimal value,
      BigDecimal uncertainty,
      Integer nTrain,
      String split,
      String status,
      BigDecimal reportedValue,
      String reportedUnit,
      LocalDate reportedOn,
      long resultId,
      Provenance provenance) {}

  /** Another fingerprint the same parameters reach, for a link to its own board. */
  public record OtherFingerprint(Fingerprint fingerprint, int nResults, int nMethods) {}

  /**
   * One leaderboard: one fingerprint, best result per method, ranked by the metric direction.
   * {@code nRows} counts the rows before {@code limit} cut them.
   */
  public record Leaderboard(
      Fingerprint fingerprint,
      String direction,
      String kind,
      String unit,
      LocalDate asOf,
      AppliedFilters appliedFilters,
      int nRows,
      List<BoardRow> rows,
      List<OtherFingerprint> otherFingerprints) {}

  /** An inclusive range; a null end is open. */
  public record Range(Number from, Number to) {}

  /**
   * Every filter as applied (normalised: slugs lower-cased, ranges resolved); null or [] when not
   * given, so a page can show what narrowed the board.
   */
  public record AppliedFilters(
      String dataset,
      String subset,
      String task,
      String target,
      String metric,
      String basis,
      String split,
      Integer nTrain,
      String levelOfTheory,
      BigDecimal temperatureK,
      String status,
      LocalDate asOf,
      List<String> trainedOn,
      List<String> trainedOnlyOn,
      String openness,
      Range params,
      Range year,
      String lineage,
      BigDecimal min,
      BigDecimal max) {

    static AppliedFilters of(BoardFilter f) {
      MethodCriteria c = f.criteria();
      return new AppliedFilters(
          f.dataset(),
          f.subset(),
          f.task(),
          f.target(),
          f.metric(),
          f.basis(),
          f.split(),
          f.nTrain(),
          f.levelOfTheory(),
          f.temperatureK(),
          f.status(),
          f.asOf(),
          c.trainedOn(),
          c.trainedOnlyOn(),
          c.openness() == null ? null : c.openness().wire(),
          c.params() == null ? null : new Range(c.params().from(), c.params().to()),
          c.year().from() == null && c.year().to() == null
              ? null
              : new Range(c.year().from(), c.year().to()),
          c.lineage(),
          f.values().min(),
          f.values().max());
    }
  }

  /** An entry of the leaderboard index. */
  public record BoardSummary(
      Ref dataset,
      Ref subset,
      String task,
      String target,
      String metric,
      String direction,
      String kind,
      long nResults,
      long nMethods,
      long nFingerprints) {}

  /** The leaderboard index; complete, never paged. */
  public record BoardIndex(List<BoardSummary> items, long total) {}

  /** A column of the comparison matrix: one fingerprint, one unit. */
  public record CompareColumn(
      Fingerprint fingerprint, String direction, String unit, int nOtherFingerprints) {}

  /** The best result of one method in one column; null cells mean "not evaluated". */
  public record CompareCell(
      BigDecimal value,
      BigDecimal uncertainty,
      String methodVariant,
      String status,
      boolean best,
      long resultId) {}

  /** One method's row of the matrix, cells in column order. */
  public record CompareRow(Ref method, List<CompareCell> cells) {}

  /** Methods × (subset, target, metric) matrix for side-by-side pages. */
  public record Comparison(
      Ref dataset,
      LocalDate asOf,
      AppliedFilters appliedFilters,
      List<CompareColumn> columns,
      List<CompareRow> rows) {}

  /**
   * One axis of a Pareto view: a metric's board (its fingerprint and unit), or the methods'
   * parameter count ({@code fingerprint} null).
   */
  public record ParetoAxis(
      String metric, String target, String direction, String unit, Fingerprint fingerprint) {}

  /**
   * A method with a value on every axis (in axis order, in each axis' unit). {@code dominatedBy}
   * lists the methods at least as good on every axis and better on one; empty on the front.
   */
  public record ParetoPoint(
      Ref method,
      List<BigDecimal> values,
      List<Long> resultIds,
      boolean onFront,
      List<String> dominatedBy) {}

  /**
   * The non-dominated methods over two or more metrics of one dataset; {@code nIncomplete} counts
   * the methods left out for lacking a value on some axis.
   */
  public record ParetoView(
      Ref dataset,
      LocalDate asOf,
      AppliedFilters appliedFilters,
      List<ParetoAxis> axes,
      int nFront,
      int nIncomplete,
      List<ParetoPoint> points) {}
}
