package org.mlmdkb.result;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A benchmark result on the wire: value and unit as reported, canonical form, provenance. */
public record ResultDto(
    long id,
    Ref method,
    String methodVariant,
    Ref dataset,
    Ref subset,
    String task,
    String target,
    String metric,
    BigDecimal value,
    String unit,
    BigDecimal canonicalValue,
    String canonicalUnit,
    String basis,
    Integer nTrain,
    String split,
    BigDecimal uncertainty,
    Integer nRuns,
    BigDecimal temperatureK,
    String levelOfTheory,
    String status,
    LocalDate reportedOn,
    Provenance provenance) {

  /** A linked item named by slug and display name. */
  public record Ref(String slug, String name) {}

  /** Where the number comes from: the source file and place in it, and/or the paper. */
  public record Provenance(
      String source,
      String repository,
      String path,
      String commit,
      String location,
      Long paperId,
      String paperDoi) {}
}
