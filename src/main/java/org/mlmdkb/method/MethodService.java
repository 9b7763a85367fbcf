package org.mlmdkb.method;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import org.mlmdkb.common.db.replica.ReadSnapshot;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.paging.Keyset;
import org.mlmdkb.common.paging.Page;
import org.mlmdkb.common.web.ListLinks;
import org.mlmdkb.method.MethodDtos.Lineage;
import org.mlmdkb.method.MethodDtos.LineageGraph;
import org.mlmdkb.method.MethodDtos.LineageNode;
import org.mlmdkb.method.MethodDtos.MethodDetail;
import org.mlmdkb.method.MethodDtos.MethodSummary;
import org.mlmdkb.result.ResultDto;
import org.mlmdkb.result.ResultService;

/** Methods: the list and a method's page (genealogy, papers, results). */
@ApplicationScoped
public class MethodService {

  /**
   * Results embedded in a method page: the first page of /results?method=, the rest one link away,
   * so that a method with 100,000 results still answers a page-sized body.
   */
  static final int RESULTS_ON_PAGE = 20;

  /** Papers embedded in a method page; all of them are listed at /papers?method=. */
  static final int PAPERS_ON_PAGE = 20;

  /** Generations a lineage graph walks each way unless the caller asks for fewer. */
  public static final int MAX_LINEAGE_DEPTH = 20;

  /**
   * Most methods one lineage graph holds (the seed's largest, Behler-Parrinello's, has 53); a
   * larger one is refused, so a drawing never grows past what a page or a slide can show.
   */
  public static final int MAX_LINEAGE_METHODS = 60;

  private static final String SORT_TAG = "slug";

  private final MethodRepository methods;
  private final ReadSnapshot snapshot;
  private final ResultService results;

  public MethodService(MethodRepository methods, ResultService results, ReadSnapshot snapshot) {
    this.methods = methods;
    this.snapshot = snapshot;
    this.results = results;
  }

  public Page<MethodSummary> list(String family, String q, String dataset, int limit, String cursor)
      throws SQLException {
    List<String> after = Keyset.after(cursor, SORT_TAG, 1);
    Keyset.Trimmed<MethodRepository.Row> page =
        Keyset.trim(
            methods.list(family, q, dataset, after == null ? null : after.get(0), limit + 1),
            limit,
            SORT_TAG,
            r -> List.of(r.summary().slug()));
    return new Page<>(
        page.rows().stream().map(MethodRepository.Row::summary).toList(),
        page.nextCursor(),
        methods.count(family, q, dataset));
  }

  /**
   * The method with its ancestors and descendants within {@code depth} generations (all, up to
   * {@link #MAX_LINEAGE_DEPTH}, when null) and the links among them; more than {@link
   * #MAX_LINEAGE_METHODS} methods → 400 asking for a smaller depth.
   */
  public LineageGraph lineage(String slug, Integer depth) throws SQLException {
    return snapshot.read(() -> loadLineage(slug, depth));
  }

  private LineageGraph loadLineage(String slug, Integer depth) throws SQLException {
    MethodRepository.Row row = live(slug);
    int generations = depth == null ? MAX_LINEAGE_DEPTH : depth;
    List<LineageNode> nodes =
        methods.lineageMembers(row.id(), generations, MAX_LINEAGE_METHODS + 1);
    if (nodes.size() > MAX_LINEAGE_METHODS) {
      throw ApiException.badParameter(
          "depth",
          "the lineage of '"
              + slug
              + "' within "
              + generations
              + (generations == 1 ? " generation" : " generations")
              + " has more than "
              + MAX_LINEAGE_METHODS
              + " methods, the most one graph shows; "
              + (generations == 1
                  ? "its direct parents and children alone are too many to draw"
                  : "ask for fewer generations with a smaller depth"));
    }
    return new LineageGraph(
        row.summary().slug(),
        generations,
        nodes,
        methods.lineageEdges(nodes.stream().map(LineageNode::slug).toList()));
  }

  /** The method and everything around it, read in one snapshot. */
  public MethodDetail get(String slug) throws SQLException {
    return snapshot.read(() -> load(slug));
  }

  private MethodDetail load(String slug) throws SQLException {
    MethodRepository.Detail detail =
        methods.findDetail(slug).orElseThrow(() -> ApiException.notFound("Method '" + slug + "'"));
    MethodRepository.Row row = detail.row();
    MethodSummary m = row.summary();
    MethodRepository.Relatives relatives = methods.relatives(row.id());
    Lineage lineage =
        new Lineage(
            relatives.ancestors().stream().filter(r -> r.depth() == 1).toList(),
            relatives.descendants().stream().filter(r -> r.depth() == 1).toList(),
            relatives.ancestors(),
            relatives.descendants());
    Page<ResultDto> firstResults =
        results.firstPageOfMethod(m.slug(), RESULTS_ON_PAGE, m.resultCount());
    return new MethodDetail(
        m.slug(),
        m.name(),
        m.aliases(),
        m.family(),
        m.year(),
        m.description(),
        m.codeUrl(),
        m.licence(),
        m.parameterCount(),
        row.paper(),
        lineage,
        methods.papers(row.id(), PAPERS_ON_PAGE),
        detail.paperCount(),
        ListLinks.filtered("papers", "method", m.slug()),
        detail.trainingDatasets(),
        detail.sources(),
        methods.resultSummary(row.id()),
        firstResults.items(),
        firstResults.total(),
        ResultService.continuation("method", m.slug(), firstResults.nextCursor()),
        ListLinks.filtered("results", "method", m.slug()));
  }

  private MethodRepository.Row live(String slug) throws SQLException {
    return methods
        .findBySlug(slug)
        .orElseThrow(() -> ApiException.notFound("Method '" + slug + "'"));
  }
}
