package org.mlmdkb.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import org.mlmdkb.search.SearchIndex;
import org.mlmdkb.search.semantic.EmbeddingWorker;
import org.mlmdkb.search.semantic.TextEmbedder;

/** Waits until the corpus is embedded and every vector is in the search index. */
public final class SemanticTestSupport {

  private SemanticTestSupport() {}

  /** Answers how many segments the index was left with by its settle (SearchIndex.settle). */
  public static int awaitEmbedded(TextEmbedder embedder, EmbeddingWorker worker, SearchIndex index)
      throws InterruptedException {
    // A write's items are queued for embedding when the index applies the write, which the local
    // catch-up does after the write's response: without this, a test that just wrote may find
    // nothing queued yet and the worker "caught up".
    index.catchUp();
    long deadline = System.nanoTime() + 300_000_000_000L;
    while (!worker.caughtUp() || embedder.state() != TextEmbedder.State.READY) {
      if (embedder.state() == TextEmbedder.State.FAILED) {
        fail("the embedding model failed to load: " + embedder.reason());
      }
      if (System.nanoTime() > deadline) {
        fail("the corpus was not embedded within 300 s (" + worker.pending() + " pending)");
      }
      Thread.sleep(200);
    }
    // The stored vectors reach the index through the change sequence: apply it now, and merge
    // what the writes left now rather than at the follower's next quiet poll, which would move
    // every score while a test pages by relevance.
    int segments = 0;
    try {
      segments = index.settle();
    } catch (java.io.IOException e) {
      fail("the search index could not settle: " + e.getMessage());
    }
    assertEquals(TextEmbedder.State.READY, embedder.state());
    return segments;
  }
}
