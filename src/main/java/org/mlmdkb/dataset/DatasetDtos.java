package org.mlmdkb.dataset;

import java.math.BigDecimal;
import java.util.List;

/** Shapes of datasets on the wire (openapi.yaml: DatasetSummary, DatasetDetail). */
public final class DatasetDtos {

  private DatasetDtos() {}

  public record DatasetSummary(
      String slug,
      String name,
      List<String> aliases,
      String domain,
      String levelOfTheory,
      Long nStructures,
      Long nMaterials,
      String licence,
      String url,
      long subsetCount,
      long resultCount) {}

  public record Subset(
      String slug,
      String name,
      String description,
      String levelOfTheory,
      BigDecimal temperatureK,
      Long nStructures) {}

  /**
   * What results exist for this dataset: one row per subset, task, target, metric and the unit they
   * are compared in (the canonical unit of their dimension, whatever unit each reports).
   */
  public record Task(
      String subset, String task, String target, String metric, String unit, long resultCount) {}

  public record PaperLink(long id, String title, Integer year, String doi, String relation) {}

  public record MethodLink(String slug, String name) {}

  public record IntroducingPaper(Long id, String doi, String arxivId) {}

  public record DatasetDetail(
      String slug,
      String name,
      List<String> aliases,
      String description,
      String domain,
      String levelOfTheory,
      Long nStructures,
      Long nMaterials,
      String sizeNote,
      String licence,
      String url,
      IntroducingPaper paper,
      List<Subset> subsets,
      List<Task> tasks,
      List<PaperLink> papers,
      long papersTotal,
      String papersUrl,
      List<MethodLink> trainedMethods,
      List<String> sources,
      List<org.mlmdkb.result.ResultDto> results,
      long resultsTotal,
      String resultsNext,
      String resultsUrl) {}
}
