package org.mlmdkb.method;

import java.util.List;
import org.mlmdkb.result.ResultDto;

/** Shapes of methods on the wire (openapi.yaml: MethodSummary, MethodDetail). */
public final class MethodDtos {

  private MethodDtos() {}

  public record MethodSummary(
      String slug,
      String name,
      List<String> aliases,
      String family,
      Integer year,
      String description,
      String codeUrl,
      String licence,
      Long parameterCount,
      long resultCount) {}

  /** A relative in the genealogy; depth 1 is a direct parent or child. */
  public record Relative(String slug, String name, String family, int depth) {}

  public record Lineage(
      List<Relative> parents,
      List<Relative> children,
      List<Relative> ancestors,
      List<Relative> descendants) {}

  public record PaperLink(long id, String title, Integer year, String doi, String relation) {}

  public record IntroducingPaper(Long id, String doi, String arxivId, String url) {}

  /** Results grouped by what they measure, for a method page's overview table. */
  public record ResultGroup(
      String dataset,
      String subset,
      String target,
      String metric,
      String unit,
      long count,
      java.math.BigDecimal minValue,
      java.math.BigDecimal maxValue) {}

  public record MethodDetail(
      String slug,
      String name,
      List<String> aliases,
      String family,
      Integer year,
      String description,
      String codeUrl,
      String licence,
      Long parameterCount,
      IntroducingPaper paper,
      Lineage lineage,
      List<PaperLink> papers,
      List<String> trainingDatasets,
      List<String> sources,
      List<ResultGroup> resultSummary,
      List<ResultDto> results,
      long resultsTotal) {}
}
