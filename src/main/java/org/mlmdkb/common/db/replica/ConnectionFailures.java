package org.mlmdkb.common.db.replica;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Tells a lost or refused database connection apart from an error in the query itself. */
final class ConnectionFailures {

  private ConnectionFailures() {}

  /**
   * SQLSTATE class 08 (connection exception) and the 57P0x shutdown codes are what pgJDBC and
   * PostgreSQL report when a server stops or cannot be reached; Agroal reports a pool that cannot
   * open a connection in time as a transient connection exception.
   */
  static boolean isConnectionFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || state.startsWith("57P0")) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A short, credential-free description: the SQLSTATE and exception kind, never the message, which
   * for a connection failure may echo the URL and its parameters.
   */
  static String describe(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return "SQLSTATE " + sql.getSQLState();
      }
    }
    return failure.getClass().getSimpleName();
  }
}
