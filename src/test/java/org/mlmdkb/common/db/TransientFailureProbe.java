package org.mlmdkb.common.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A retried writer for {@link TransientFailureRetryTest}: each method is one transaction on the
 * real database, counting how often it was run.
 */
@ApplicationScoped
@RetriesTransientFailures
public class TransientFailureProbe {

  private final AtomicInteger runs = new AtomicInteger();

  private final DataSource dataSource;

  public TransientFailureProbe(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** How often a method ran since the last reset (read through the bean, not its proxy's field). */
  public int runs() {
    return runs.get();
  }

  public void resetRuns() {
    runs.set(0);
  }

  /**
   * Locks two tags' rows in the given order; the latch holds both callers until each has its first
   * row, so two callers in opposite orders deadlock for real. A rerun finds the latch open.
   */
  @Transactional
  public void lockInOrder(String first, String second, CountDownLatch bothHoldTheirFirst)
      throws SQLException, InterruptedException {
    runs.incrementAndGet();
    try (Connection c = dataSource.getConnection()) {
      lock(c, first);
      bothHoldTheirFirst.countDown();
      if (!bothHoldTheirFirst.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the other writer never took its first row");
      }
      lock(c, second);
    }
  }

  /** Fails with PostgreSQL's own deadlock error on its first {@code failures} runs. */
  @Transactional
  public void deadlockedFirst(int failures) throws SQLException {
    int run = runs.incrementAndGet();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      if (run <= failures) {
        s.execute(
            "DO $$ BEGIN RAISE EXCEPTION 'probe' USING ERRCODE = 'deadlock_detected'; END $$");
      }
      s.execute("SELECT 1");
    }
  }

  private static void lock(Connection c, String slug) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM tag WHERE slug = ? FOR UPDATE")) {
      ps.setString(1, slug);
      ps.executeQuery().close();
    }
  }
}
