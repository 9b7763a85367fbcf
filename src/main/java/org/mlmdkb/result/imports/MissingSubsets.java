package org.mlmdkb.result.imports;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * The dataset collection as an import that creates missing subsets uses it. The dataset feature
 * implements it: result/ must not import dataset/, whose pages embed results.
 */
public interface MissingSubsets {

  /**
   * Adds the subsets among {@code slugs} that the live dataset lacks, through the dataset rules and
   * history, in the caller's transaction; returns the slugs added, in order. 404 when the dataset
   * is absent or deleted.
   */
  List<String> add(String dataset, Set<String> slugs, String keyName) throws SQLException;
}
