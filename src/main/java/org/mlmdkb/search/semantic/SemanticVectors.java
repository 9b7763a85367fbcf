package org.mlmdkb.search.semantic;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.mlmdkb.search.DocumentVectors;
import org.mlmdkb.search.semantic.EmbeddingRepository.Kind;

/**
 * The index's source of vectors: the stored, current ones; an item without one is queued for
 * embedding, and reaches the index with its vector through the change sequence once embedded.
 */
@ApplicationScoped
public class SemanticVectors implements DocumentVectors {

  private final TextEmbedder embedder;
  private final EmbeddingWorker worker;

  public SemanticVectors(TextEmbedder embedder, EmbeddingWorker worker) {
    this.embedder = embedder;
    this.worker = worker;
  }

  @Override
  public String model() {
    return embedder.modelId();
  }

  @Override
  public Map<Long, float[]> vectors(Connection c, String type, Collection<Long> ids)
      throws SQLException {
    String model = model();
    if (model == null || ids.isEmpty()) {
      return Map.of();
    }
    Kind kind = Kind.of(type);
    Map<Long, float[]> found = EmbeddingRepository.currentVectors(c, kind, model, ids);
    if (found.size() < ids.size()) {
      List<Long> missing = ids.stream().filter(id -> !found.containsKey(id)).toList();
      worker.enqueue(kind, missing);
    }
    return found;
  }
}
