package org.mlmdkb.common.db.replica;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The connections of public reads: the replica when one is configured and usable, otherwise the
 * primary. Read repositories take this instead of the primary pool; nothing else changes in them.
 *
 * <p>The primary serves, whatever the replica's state: reads inside a transaction (a write's own
 * checks and its answer must see what it just wrote) and reads of a request that {@link
 * ReadConsistency} pins to the primary (callers with an API key read their own writes), unless the
 * primary is down, when no newer state can exist.
 */
// Typed: as a plain DataSource bean it would compete with the primary pool for @Default injection.
@Typed(ReadDataSource.class)
@ApplicationScoped
public class ReadDataSource implements DataSource {

  private final AgroalDataSource primary;
  private final ReplicaMonitor monitor;
  private final TransactionSynchronizationRegistry transactions;

  public ReadDataSource(
      AgroalDataSource primary,
      ReplicaMonitor monitor,
      TransactionSynchronizationRegistry transactions) {
    this.primary = primary;
    this.monitor = monitor;
    this.transactions = transactions;
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection snapshot = ReadSnapshot.current();
    if (snapshot != null) {
      return snapshot;
    }
    if (!monitor.replicaUsable()
        || transactions.getTransactionKey() != null
        // With the primary down nobody can write, so there is no newer state to miss.
        || pinnedToPrimary() && monitor.primaryUp()) {
      return primary.getConnection();
    }
    try {
      Connection replica = monitor.readDataSource().getConnection();
      ReplicaUse.recordReplicaConnection();
      return replica;
    } catch (SQLException | RuntimeException unavailable) {
      // Stopped, refused or out of connections: the client must not notice, the primary answers.
      monitor.leaveOut(unavailable);
      return primary.getConnection();
    }
  }

  private static boolean pinnedToPrimary() {
    ManagedContext requests = Arc.container().requestContext();
    return requests.isActive() && Arc.container().instance(ReadConsistency.class).get().primary();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("Credentials come from the configuration");
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return primary.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    primary.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    primary.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return primary.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return primary.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    throw new SQLException("ReadDataSource wraps no single pool");
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return false;
  }
}
