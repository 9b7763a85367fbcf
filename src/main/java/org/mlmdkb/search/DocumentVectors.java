package org.mlmdkb.search;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;

/**
 * Where index documents get their embedding vectors (search.semantic.SemanticVectors): read from
 * PostgreSQL with the documents, never computed while indexing.
 */
public interface DocumentVectors {

  /** No vectors at all (an index without search by meaning). */
  DocumentVectors NONE =
      new DocumentVectors() {
        @Override
        public String model() {
          return null;
        }

        @Override
        public Map<Long, float[]> vectors(Connection c, String type, Collection<Long> ids) {
          return Map.of();
        }
      };

  /** The model the index's vectors come from; an index holding another model's is rebuilt. */
  String model();

  /**
   * The current vectors of these items of one type (paper, method, dataset, article), read on the
   * caller's connection; an item without one is left out (and will get one after embedding).
   */
  Map<Long, float[]> vectors(Connection c, String type, Collection<Long> ids) throws SQLException;
}
