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

  /**
   * A relative in the genealogy; depth 1 is a direct parent or child, and only then {@code
   * relation} says how the link relates the two ({@link LineageRelation}); farther relatives are
   * reached through several links and have none.
   */
  public record Relative(String slug, String name, String family, int depth, String relation) {}

  /**
   * A method's lineage as a graph: the method, its ancestors and descendants within {@code depth}
   * generations, and every link among them.
   */
  public record LineageGraph(
      String method, int depth, List<LineageNode> nodes, List<LineageEdge> edges) {}

  /**
   * A member of a lineage graph; {@code generation} is 0 for the method itself, -n for an ancestor
   * n links up (its shortest way), +n for a descendant n links down.
   */
  public record LineageNode(
      String slug, String name, String family, Integer year, int generation) {}

  /** A lineage link, parent → child, with its {@link LineageRelation}. */
  public record LineageEdge(String parent, String child, String relation) {}

  public record Lineage(
      List<Relative> parents,
      List<Relative> children,
      List<Relative> ancestors,
      List<Relative> descendants) {}

  public record PaperLink(long id, String title, Integer year, String doi, String relation) {}

  public record IntroducingPaper(Long id, String doi, String arxivId, String url) {}

  /** The method's live results on one board, for a method page's overview table. */
  public record ResultGroup(
      String dataset, String subset, String task, String target, String metric, long count) {}

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
      long papersTotal,
      String papersUrl,
      List<String> trainingDatasets,
      List<String> sources,
      List<ResultGroup> resultSummary,
      List<ResultDto> results,
      long resultsTotal,
      String resultsNext,
      String resultsUrl) {}
}
