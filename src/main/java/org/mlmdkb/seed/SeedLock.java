package org.mlmdkb.seed;

import io.quarkus.logging.Log;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.mlmdkb.common.db.Sql;

/**
 * A transaction-scoped PostgreSQL advisory lock around the seed load, so that instances started
 * together on one database load the corpus once (the loser used to fail on seed_load_pkey).
 *
 * <p>It polls {@code pg_try_advisory_xact_lock} rather than blocking in {@code
 * pg_advisory_xact_lock}: a blocked statement would run into the statement and socket timeouts
 * while the winner loads.
 */
final class SeedLock {

  /** Any fixed bigint, distinct from the other advisory locks of this schema. */
  static final long KEY = 0x6d6c6d642d736565L; // "mlmd-see"

  static final Duration MAX_WAIT = Duration.ofMinutes(5);
  private static final long POLL_MILLIS = 200;

  private final Connection connection;

  SeedLock(Connection connection) {
    this.connection = connection;
  }

  /** Returns once this transaction holds the lock; fails after {@link #MAX_WAIT}. */
  void await() throws SQLException {
    long deadline = System.nanoTime() + MAX_WAIT.toNanos();
    boolean announced = false;
    while (!tryLock()) {
      if (!announced) {
        Log.info("Another instance is loading the seed corpus; waiting for it to finish");
        announced = true;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "The seed corpus lock was held for more than " + MAX_WAIT.toMinutes() + " minutes");
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for the seed corpus lock", e);
      }
    }
  }

  private boolean tryLock() throws SQLException {
    return Sql.with(
        connection,
        h ->
            h.createQuery("SELECT pg_try_advisory_xact_lock(:key)")
                .bind("key", KEY)
                .mapTo(Boolean.class)
                .one());
  }
}
