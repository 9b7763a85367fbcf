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

  /** One leaderboard: one fingerprint, best result per method, ranked by the metric direction. */
  public record Leaderboard(
      Fingerprint fingerprint,
      String direction,
      String kind,
      String unit,
      LocalDate asOf,
      List<BoardRow> rows,
      List<OtherFingerprint> otherFingerprints) {}

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
      Ref dataset, LocalDate asOf, List<CompareColumn> columns, List<CompareRow> rows) {}
}
