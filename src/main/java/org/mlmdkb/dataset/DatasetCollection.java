package org.mlmdkb.dataset;

import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mlmdkb.common.db.SoftDeletable;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.common.error.ProblemType;
import org.mlmdkb.common.query.Slugs;
import org.mlmdkb.curation.BodyChecks;
import org.mlmdkb.curation.CuratedCollection;

/**
 * Datasets as a curated collection: addressed and unique by slug; subsets that benchmark results
 * use cannot be removed, and a dataset that results or methods depend on cannot be deleted.
 */
@Singleton
public class DatasetCollection extends CuratedCollection<DatasetInput> {

  private static final String PATH = "/api/v1/datasets/";

  private final DatasetWriteRepository writes;
  private final DatasetService datasets;

  public DatasetCollection(
      DatasetWriteRepository writes, DatasetService datasets, DatasetRules rules) {
    super("datasets", "Dataset", DatasetInput.class, rules, writes);
    this.writes = writes;
    this.datasets = datasets;
  }

  @Override
  public Optional<Long> find(String ref, boolean includeDeleted) throws SQLException {
    return writes.idOf(Slugs.check("slug", ref), includeDeleted);
  }

  @Override
  protected DatasetInput checkReferences(
      DatasetInput dataset, Long id, List<Problem.FieldError> errors) throws SQLException {
    DatasetPaperInput paper = linkPaper(dataset.paper(), id, errors);
    if (id != null) {
      refuseRemovingUsedSubsets(id, dataset.subsets(), errors);
    }
    return new DatasetInput(
        dataset.slug(),
        dataset.name(),
        dataset.aliases(),
        dataset.description(),
        dataset.domain(),
        dataset.levelOfTheory(),
        dataset.nStructures(),
        dataset.nMaterials(),
        dataset.sizeNote(),
        dataset.licence(),
        dataset.url(),
        paper,
        dataset.subsets());
  }

  @Override
  protected void checkUnique(DatasetInput dataset, Long id) throws SQLException {
    Optional<SoftDeletable.Holder> holder = writes.holderOfSlug(dataset.slug(), id);
    if (holder.isPresent()) {
      String name = writes.nameOf(holder.get().id()).orElseThrow();
      throw ApiException.slugTaken(
          "dataset", dataset.slug(), "dataset '" + name + "'", holder.get().deleted());
    }
  }

  /**
   * A paper id must name a live paper (the one already linked may stay, even if deleted since, so
   * that unrelated edits are not refused); a missing DOI or arXiv id is taken from it. Without an
   * id, a live paper holding the DOI (or else the arXiv id) becomes the link, as the seed loader
   * resolves it.
   */
  private DatasetPaperInput linkPaper(
      DatasetPaperInput paper, Long datasetId, List<Problem.FieldError> errors)
      throws SQLException {
    if (paper == null) {
      return null;
    }
    if (paper.id() == null) {
      Optional<DatasetWriteRepository.PaperIds> held =
          paper.doi() == null ? Optional.empty() : writes.livePaperByDoi(paper.doi());
      if (held.isEmpty() && paper.arxivId() != null) {
        held = writes.livePaperByArxivId(paper.arxivId());
      }
      return held.map(p -> new DatasetPaperInput(p.id(), paper.doi(), paper.arxivId()))
          .orElse(paper);
    }
    Optional<DatasetWriteRepository.PaperIds> live = writes.livePaper(paper.id());
    if (live.isEmpty()) {
      boolean alreadyLinked =
          datasetId != null && writes.currentPaperId(datasetId).equals(Optional.of(paper.id()));
      if (!alreadyLinked) {
        errors.add(BodyChecks.body("paper.id", "names no live paper"));
      }
      return paper;
    }
    return new DatasetPaperInput(
        paper.id(),
        paper.doi() != null ? paper.doi() : live.get().doi(),
        paper.arxivId() != null ? paper.arxivId() : live.get().arxivId());
  }

  private void refuseRemovingUsedSubsets(
      long datasetId, List<DatasetSubsetInput> subsets, List<Problem.FieldError> errors)
      throws SQLException {
    Set<String> removed = new LinkedHashSet<>();
    writes
        .editableState(datasetId)
        .ifPresent(current -> current.subsets().forEach(s -> removed.add(s.slug())));
    subsets.forEach(s -> removed.remove(s.slug()));
    for (Map.Entry<String, Long> used : writes.subsetsInUse(datasetId, removed).entrySet()) {
      errors.add(
          BodyChecks.body(
              "subsets",
              "cannot remove subset '"
                  + used.getKey()
                  + "': "
                  + used.getValue()
                  + " benchmark result(s) use it"));
    }
  }

  /** Deleting would leave results and trained methods pointing at a dataset no reader can see. */
  @Override
  public void softDelete(long id) throws SQLException {
    DatasetWriteRepository.Dependents dependents = writes.dependents(id);
    if (dependents.any()) {
      throw new ApiException(
          ProblemType.DATASET_IN_USE,
          "Dataset '"
              + writes.slugOf(id).orElseThrow()
              + "' is used by "
              + dependents.results()
              + " benchmark result(s) and "
              + dependents.trainedMethods()
              + " method(s) as training data; remove or move those first",
          List.of());
    }
    super.softDelete(id);
  }

  @Override
  public Object representation(long id) throws SQLException {
    return datasets.get(writes.slugOf(id).orElseThrow());
  }

  @Override
  public String location(long id) throws SQLException {
    return PATH + writes.slugOf(id).orElseThrow();
  }
}
