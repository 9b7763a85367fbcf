package org.mlmdkb.dataset;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import org.mlmdkb.common.db.replica.ReadSnapshot;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.paging.Keyset;
import org.mlmdkb.common.paging.Page;
import org.mlmdkb.dataset.DatasetDtos.DatasetDetail;
import org.mlmdkb.dataset.DatasetDtos.DatasetSummary;

/** Datasets: the list and a dataset's page (subsets, tasks with results, papers, methods). */
@ApplicationScoped
public class DatasetService {

  private static final String SORT_TAG = "slug";

  private final DatasetRepository datasets;
  private final ReadSnapshot snapshot;

  public DatasetService(DatasetRepository datasets, ReadSnapshot snapshot) {
    this.datasets = datasets;
    this.snapshot = snapshot;
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
    DatasetRepository.Row row =
        datasets
            .findBySlug(slug)
            .orElseThrow(() -> ApiException.notFound("Dataset '" + slug + "'"));
    DatasetSummary d = row.summary();
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
        datasets.papers(row.id()),
        datasets.trainedMethods(row.id()),
        datasets.sources(row.id()));
  }
}
