package org.mlmdkb.common.db;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs statements that may rightly outlast the socket timeout (KB_DB_SOCKET_TIMEOUT_SECONDS, 20 s),
 * which bounds a frozen server for ordinary requests. An import's work is bounded instead by its
 * transaction (300 s) and the statement timeout it sets for itself (ImportLocks): measured at a
 * million results on a loaded machine, one import statement ran 25 s, the socket gave up on it and
 * the import answered 500 although PostgreSQL would have finished.
 */
public final class LongStatements {

  /** A little beyond the 300 s statement timeout of an import, so the server's answers first. */
  public static final int SOCKET_TIMEOUT_MILLIS = 310_000;

  /** Work on the connection whose socket timeout is lifted meanwhile. */
  @FunctionalInterface
  public interface Work<T> {
    T run() throws SQLException;
  }

  private LongStatements() {}

  /** Runs {@code work} with the longer socket timeout, then restores the connection's own. */
  public static <T> T run(Connection c, Work<T> work) throws SQLException {
    int before = c.getNetworkTimeout();
    c.setNetworkTimeout(Runnable::run, SOCKET_TIMEOUT_MILLIS);
    try {
      return work.run();
    } finally {
      c.setNetworkTimeout(Runnable::run, before);
    }
  }
}
