package org.mlmdkb.common.db.replica;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs the reads of one page (a paper, method or dataset with everything around it) on one
 * connection in one read-only REPEATABLE READ transaction: every statement sees the same state, so
 * a concurrent write can never show a method whose results count disagrees with its results, and
 * the page takes one connection from the pool instead of one per statement. The repositories stay
 * as they are: {@link ReadDataSource} hands out this connection while the snapshot runs. A replica
 * that fails mid-way has the whole snapshot read again on the primary (the repositories' own
 * fallback stands aside for the outer call).
 */
@ApplicationScoped
@ReplicaFallback
public class ReadSnapshot {

  /** The reads that make one answer. */
  @FunctionalInterface
  public interface Reads<T> {
    T run() throws SQLException;
  }

  private static final ThreadLocal<Connection> CURRENT = new ThreadLocal<>();

  /**
   * The snapshot's isolation, and generic plans for its statements. A page's statements look one
   * item up by id or slug, so the plan does not depend on the value; with PostgreSQL's default a
   * prepared statement was planned again for every page (the method page spent 5 ms of its 7 ms
   * binding, against 1.8 ms executing). A generic plan is made once per connection and statement.
   * It cannot see a page's LIMIT, so it may plan for a tenth of the matching rows and start
   * parallel workers: the first page of the 3BPA dataset (21 of 14,000 results) took 25-35 ms so,
   * against 0.5 ms on one process. A page never needs them.
   */
  private static final String SNAPSHOT =
      "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ;"
          + " SET LOCAL plan_cache_mode = force_generic_plan;"
          + " SET LOCAL max_parallel_workers_per_gather = 0";

  private final ReadDataSource reads;
  private final TransactionSynchronizationRegistry transactions;

  public ReadSnapshot(ReadDataSource reads, TransactionSynchronizationRegistry transactions) {
    this.reads = reads;
    this.transactions = transactions;
  }

  public <T> T read(Reads<T> work) throws SQLException {
    // Inside a write's transaction the reads already share its connection and must see its rows.
    if (CURRENT.get() != null || transactions.getTransactionKey() != null) {
      return work.run();
    }
    try (Connection c = reads.getConnection()) {
      c.setAutoCommit(false);
      c.setReadOnly(true);
      // This transaction's settings only, sent with its BEGIN READ ONLY: setting the connection's
      // isolation and resetting it afterwards cost two more round trips a page.
      try (Statement s = c.createStatement()) {
        s.execute(SNAPSHOT);
      }
      CURRENT.set(c);
      try {
        return work.run();
      } finally {
        CURRENT.remove();
        try {
          c.rollback();
        } finally {
          c.setReadOnly(false);
          c.setAutoCommit(true);
        }
      }
    }
  }

  /**
   * The snapshot's connection for a repository, which closes it after its statement: that close
   * must not end the snapshot, so the repository gets a view whose close does nothing.
   */
  static Connection current() {
    Connection c = CURRENT.get();
    if (c == null) {
      return null;
    }
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "close":
                  return null;
                case "isClosed":
                  return c.isClosed();
                default:
                  try {
                    return method.invoke(c, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
              }
            });
  }
}
