package org.mlmdkb.dataset;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.curation.HistoryRepository;
import org.mlmdkb.result.imports.MissingSubsets;

/** Adds the dataset subsets a result import names and the corpus lacks. */
@ApplicationScoped
public class SubsetsForResultImports implements MissingSubsets {

  private final DatasetCollection datasets;
  private final HistoryRepository history;

  public SubsetsForResultImports(DatasetCollection datasets, HistoryRepository history) {
    this.datasets = datasets;
    this.history = history;
  }

  @Override
  public List<String> add(String dataset, Set<String> slugs, String keyName) throws SQLException {
    Optional<Long> id = datasets.find(dataset, false);
    if (id.isEmpty() || !datasets.lockLive(id.get())) {
      throw ApiException.notFound("Dataset " + dataset);
    }
    DatasetInput before = datasets.editableState(id.get()).orElseThrow();
    List<DatasetSubsetInput> subsets = new ArrayList<>(before.subsets());
    List<String> added = new ArrayList<>();
    for (String slug : slugs) {
      if (subsets.stream().noneMatch(s -> s.slug().equals(slug))) {
        subsets.add(new DatasetSubsetInput(slug, slug, null, null, null, null));
        added.add(slug);
      }
    }
    if (added.isEmpty()) {
      return added;
    }
    DatasetInput after =
        datasets.validate(
            new DatasetInput(
                before.slug(),
                before.name(),
                before.aliases(),
                before.description(),
                before.domain(),
                before.levelOfTheory(),
                before.nStructures(),
                before.nMaterials(),
                before.sizeNote(),
                before.licence(),
                before.url(),
                before.paper(),
                subsets),
            id.get());
    datasets.update(id.get(), after);
    history.record(datasets.name(), id.get(), "update", keyName, before, after);
    return added;
  }
}
