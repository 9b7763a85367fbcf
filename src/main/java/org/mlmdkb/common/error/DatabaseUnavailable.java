package org.mlmdkb.common.error;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises a failure that means "the database cannot be used right now", whatever wraps it
 * (Hibernate, the transaction manager, Agroal), and names its kind.
 *
 * <p>Generic on purpose: it looks at JDBC and socket exceptions only, so any datasource (a replica
 * too) gets the 503 without registering anything.
 */
public final class DatabaseUnavailable {

  /** Retry-After of every 503 it causes: long enough for the pool to reconnect after a restart. */
  public static final int RETRY_AFTER_SECONDS = 5;

  /** admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections. */
  private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

  // Agroal signals an empty pool with a bare SQLException: no SQLState, no subclass.
  private static final String AGROAL_ACQUISITION_TIMEOUT = "acquisition timeout";

  private DatabaseUnavailable() {}

  /** The kind of outage behind {@code failure}, or empty when it is some other failure. */
  public static Optional<String> kindOf(Throwable failure) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
      Optional<String> kind = kindOfOne(t);
      if (kind.isPresent()) {
        return kind;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> kindOfOne(Throwable t) {
    if (t instanceof SocketTimeoutException) {
      return Optional.of("socket timeout (database not answering)");
    }
    if (t instanceof ConnectException) {
      return Optional.of("connection refused");
    }
    if (!(t instanceof SQLException sql)) {
      return Optional.empty();
    }
    String state = sql.getSQLState();
    if (state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state))) {
      return Optional.of("SQLState " + state);
    }
    if (sql instanceof SQLTransientConnectionException
        || sql instanceof SQLNonTransientConnectionException) {
      return Optional.of("connection failure");
    }
    String message = sql.getMessage();
    if (state == null
        && message != null
        && message.toLowerCase(java.util.Locale.ROOT).contains(AGROAL_ACQUISITION_TIMEOUT)) {
      return Optional.of("pool acquisition timeout");
    }
    return Optional.empty();
  }
}
