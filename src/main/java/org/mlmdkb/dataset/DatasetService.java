package org.mlmdkb.dataset;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import org.mlmdkb.common.db.replica.ReadSnapshot;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.paging.Keyset;
import org.mlmdkb.common.paging.Page;
import org.mlmdkb.common.web.ListLinks;
import org.mlmdkb.dataset.DatasetDtos.DatasetDetail;
import org.mlmdkb.dataset.DatasetDtos.DatasetSummary;
import org.mlmdkb.result.ResultDto;
import org.mlmdkb.result.ResultService;

/** Datasets: the list and a dataset's page (subsets, tasks with results, papers, methods). */
@ApplicationScoped
public class DatasetService {

  private static final String SORT_TAG = "slug";

  /** Results and papers embedded in a dataset page; the rest are one link away. */
  static final int RESULTS_ON_PAGE = 20;

  static final int PAPERS_ON_PAGE = 20;

  private final DatasetRepository datasets;
  private final ReadSnapshot snapshot;
  private final ResultService results;

  public DatasetService(DatasetRepository datasets, ReadSnapshot snapshot, ResultService results) {
    this.datasets = datasets;
    this.snapshot = snapshot;
    this.results = results;
  }

  public Page<DatasetSummary> list(String domain, String q, int limit, String cursor)
      throws SQLException {
    List<String> after = Keyset.after(cursor, SORT_TAG, 1);
    Keyset.Trimmed<DatasetRepository.Row> page =
        Keyset.trim(
            datasets.list(domain, q, after == null ? null : after.get(0), limit + 1),
            limit,
            SORT_TAG,
            r -> List.of(r.summary().slug()));
    return new Page<>(
        page.rows().stream().map(DatasetRepository.Row::summary).toList(),
        page.nextCursor(),
        datasets.count(domain, q));
  }

  /** The dataset and everything around it, read in one snapshot. */
  public DatasetDetail get(String slug) throws SQLException {
    return snapshot.read(() -> load(slug));
  }

  private DatasetDetail load(String slug) throws SQLException {
    DatasetRepository.Detail detail =
        datasets
            .findDetail(slug)
            .orElseThrow(() -> ApiException.notFound("Dataset '" + slug + "'"));
    DatasetRepository.Row row = detail.row();
    DatasetSummary d = row.summary();
    Page<ResultDto> firstResults =
        results.firstPageOfDataset(d.slug(), RESULTS_ON_PAGE, d.resultCount());
    return new DatasetDetail(
        d.slug(),
        d.name(),
        d.aliases(),
        row.description(),
        d.domain(),
        d.levelOfTheory(),
        d.nStructures(),
        d.nMaterials(),
        row.sizeNote(),
        d.licence(),
        d.url(),
        row.paper(),
        datasets.subsets(row.id()),
        datasets.tasks(row.id()),
        datasets.papers(row.id(), PAPERS_ON_PAGE),
        detail.paperCount(),
        ListLinks.filtered("papers", "dataset", d.slug()),
        datasets.trainedMethods(row.id()),
        detail.sources(),
        firstResults.items(),
        firstResults.total(),
        ResultService.continuation("dataset", d.slug(), firstResults.nextCursor()),
        ListLinks.filtered("results", "dataset", d.slug()));
  }
}
