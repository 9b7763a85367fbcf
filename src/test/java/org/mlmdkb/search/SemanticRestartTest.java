package org.mlmdkb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlmdkb.common.config.KbConfig;
import org.mlmdkb.curation.CurationFixtures;
import org.mlmdkb.search.semantic.EmbeddingWorker;
import org.mlmdkb.search.semantic.SemanticVectors;
import org.mlmdkb.search.semantic.TextEmbedder;
import org.mlmdkb.testsupport.SemanticTestSupport;

/**
 * Stored embeddings are reused: a restart (a new model instance and a new worker over the same
 * database, and an index rebuilt from nothing) runs the model on no item, and only a changed text
 * is embedded again.
 */
@QuarkusTest
class SemanticRestartTest {

  @Inject TextEmbedder embedder;
  @Inject EmbeddingWorker worker;
  @Inject SearchIndex index;
  @Inject AgroalDataSource dataSource;
  @Inject KbConfig config;

  @BeforeEach
  void corpusIsEmbedded() throws InterruptedException {
    SemanticTestSupport.awaitEmbedded(embedder, worker, index);
  }

  @Test
  void aRestartWithARebuiltIndexComputesNoStoredEmbeddingAgain() throws Exception {
    TextEmbedder restarted = new TextEmbedder(config, new SimpleMeterRegistry());
    restarted.start();
    EmbeddingWorker restartedWorker = new EmbeddingWorker(dataSource, restarted);
    restartedWorker.start();
    Path dir = Files.createTempDirectory("semantic-restart");
    try {
      SemanticTestSupport.awaitEmbedded(restarted, restartedWorker, index);
      IndexStore rebuilt =
          SearchIndex.openStore(
              dir, dataSource, Duration.ofDays(7), new SemanticVectors(restarted, restartedWorker));
      try {
        IndexSearcher s = rebuilt.acquire();
        try {
          // Tag documents (suggestions, facets) have no text to embed: every other one has a
          // vector.
          int docs =
              s.count(new MatchAllDocsQuery())
                  - s.count(
                      new org.apache.lucene.search.TermQuery(
                          new org.apache.lucene.index.Term(IndexFields.TYPE, "tag")));
          assertTrue(docs > 2000, "" + docs);
          assertEquals(docs, s.count(new FieldExistsQuery(IndexFields.VECTOR)));
        } finally {
          rebuilt.release(s);
        }
      } finally {
        rebuilt.abandon();
      }
      assertTrue(restartedWorker.caughtUp());
      assertEquals(0, restarted.itemTextsEmbedded());
    } finally {
      restartedWorker.stop();
      SearchIndex.wipe(dir);
    }
  }

  @Test
  void aVectorOfAnotherModelIsReplacedInTheBackground() throws Exception {
    long before = embedder.itemTextsEmbedded();
    int changed;
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      // As a model upgrade leaves them: vectors stored under another model's name.
      changed =
          s.executeUpdate(
              "UPDATE item_embedding SET model = 'an-older-model sha256:0000000000000000'"
                  + " WHERE kind = 'method'"
                  + " AND item_id IN (SELECT id FROM method WHERE deleted_at IS NULL)");
    }
    assertTrue(changed > 50, "" + changed);
    index.catchUp();
    SemanticTestSupport.awaitEmbedded(embedder, worker, index);
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM item_embedding WHERE model LIKE 'an-older-model%'")) {
      rs.next();
      assertEquals(0, rs.getLong(1));
    }
    assertEquals(changed, embedder.itemTextsEmbedded() - before);
  }

  @Test
  void onlyAChangedTextIsEmbeddedAgain() throws Exception {
    int id =
        CurationFixtures.createdPaperId(
            Map.of("entry_type", "article", "title", "A paper whose title will change"));
    SemanticTestSupport.awaitEmbedded(embedder, worker, index);
    long before = embedder.itemTextsEmbedded();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      // A venue is not part of the embedded text: nothing to embed.
      s.executeUpdate("UPDATE paper SET venue = 'Somewhere' WHERE id = " + id);
    }
    index.catchUp();
    SemanticTestSupport.awaitEmbedded(embedder, worker, index);
    assertEquals(before, embedder.itemTextsEmbedded());
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE paper SET title = 'A paper whose title changed' WHERE id = " + id);
    }
    index.catchUp();
    SemanticTestSupport.awaitEmbedded(embedder, worker, index);
    assertEquals(before + 1, embedder.itemTextsEmbedded());
  }
}
