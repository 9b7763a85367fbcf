package org.mlmdkb.search;

import io.quarkus.logging.Log;

/**
 * Applies this instance's writes to the index off the request thread: one pass covers every write
 * committed before it started, so a burst of writes shares passes. Never commits (the follower
 * does): a crash loses nothing, since the change sequence is in PostgreSQL and the last Lucene
 * commit names where to resume.
 */
final class LocalCatchUp extends IndexWorker {

  /** After a failed pass (database unreachable), the pause before the next try. */
  private static final long RETRY_MILLIS = 200;

  private final IndexStore store;
  private final WriteWatermark watermark;
  private boolean failing;

  LocalCatchUp(IndexStore store, WriteWatermark watermark) {
    super("search-index-local-catch-up");
    this.store = store;
    this.watermark = watermark;
  }

  @Override
  void work() {
    while (running() && watermark.awaitPending()) {
      long covered = watermark.passStarts();
      try {
        store.catchUp();
        watermark.passEnded(covered);
        failing = false;
      } catch (Exception e) {
        if (!running()) {
          return;
        }
        // Readers waiting for these writes get a 503 at their timeout; the next pass retries.
        // One line per outage, not one per retry (the follower reports the outage too).
        if (!failing) {
          Log.warnf("Search index catch-up after a write failed: %s", e.getMessage());
          failing = true;
        }
        try {
          Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }
}
