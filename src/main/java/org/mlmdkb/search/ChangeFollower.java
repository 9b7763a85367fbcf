package org.mlmdkb.search;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.PGConnection;

/**
 * Keeps the index in step with writes of other instances: waits for a NOTIFY on kb_search_change
 * for at most one poll interval, then catches up either way, since NOTIFY alone loses events (a
 * dropped connection, a notification sent while reconnecting). Commits what it applied, so a
 * restart resumes from there, and prunes old change rows about once an hour.
 */
final class ChangeFollower extends IndexWorker {

  /** Outage warnings: at most one line per half minute (see {@link #warn}). */
  private static final long WARN_EVERY_NANOS = 30_000_000_000L;

  private long lastWarning;
  private long unlogged;

  private static final long PRUNE_EVERY_MILLIS = Duration.ofHours(1).toMillis();

  private final IndexStore store;
  private final AgroalDataSource dataSource;
  private final Duration interval;
  private long lastPrune;

  ChangeFollower(IndexStore store, AgroalDataSource dataSource, Duration interval) {
    super("search-index-follower");
    this.store = store;
    this.dataSource = dataSource;
    this.interval = interval;
  }

  @Override
  void work() {
    while (running()) {
      try (Connection c = dataSource.getConnection()) {
        try (Statement s = c.createStatement()) {
          s.execute("LISTEN kb_search_change");
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        while (running()) {
          pg.getNotifications((int) Math.max(1, interval.toMillis()));
          step();
        }
      } catch (Exception e) {
        if (!running()) {
          return;
        }
        warn("Search index follower: " + e.getMessage() + "; polling again in " + interval);
        sleep();
        step();
      }
    }
  }

  private void step() {
    try {
      store.catchUp();
      store.commitIfChanged();
      store.mergeWhenQuiet();
      long now = System.currentTimeMillis();
      if (now - lastPrune > PRUNE_EVERY_MILLIS) {
        lastPrune = now;
        store.pruneChanges();
      }
    } catch (Exception e) {
      if (running()) {
        warn("Search index catch-up failed: " + e.getMessage());
      }
    }
  }

  /**
   * While the database is down every poll fails the same way: one line per half minute, with the
   * count of those left out, instead of one per poll.
   */
  private synchronized void warn(String message) {
    long now = System.nanoTime();
    if (lastWarning != 0 && now - lastWarning < WARN_EVERY_NANOS) {
      unlogged++;
      return;
    }
    lastWarning = now;
    Log.warn(unlogged == 0 ? message : message + " (" + unlogged + " more not logged)");
    unlogged = 0;
  }

  private void sleep() {
    try {
      Thread.sleep(interval.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
