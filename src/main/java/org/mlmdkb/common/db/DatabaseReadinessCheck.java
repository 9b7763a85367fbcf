package org.mlmdkb.common.db;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.mlmdkb.common.error.DatabaseUnavailable;

/**
 * Whether the primary answers {@code SELECT 1} within {@link #BOUND}; the "Database" readiness
 * check ({@code replica/DatabaseReadiness}) reports it next to the replica.
 *
 * <p>Replaces Quarkus' own datasource check, which waits as long as the pool and the socket do: a
 * frozen PostgreSQL held it for 40 s. The probe runs on its own thread and the answer never waits
 * longer than the bound; while one probe is stuck, later checks wait on that same probe instead of
 * piling up threads.
 */
@ApplicationScoped
public class DatabaseReadinessCheck {

  static final Duration BOUND = Duration.ofMillis(1500);

  private final AgroalDataSource dataSource;
  private final ExecutorService prober =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "database-readiness-probe");
            t.setDaemon(true);
            return t;
          });
  private CompletableFuture<Void> probe = CompletableFuture.completedFuture(null);

  public DatabaseReadinessCheck(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Empty while the primary answers; otherwise why not. Never waits longer than the bound. */
  public Optional<String> primaryDownReason() {
    try {
      currentProbe().get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
      return Optional.empty();
    } catch (TimeoutException e) {
      return Optional.of("no answer within " + BOUND.toMillis() + " ms");
    } catch (ExecutionException e) {
      return Optional.of(DatabaseUnavailable.kindOf(e.getCause()).orElse("query failed"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    }
  }

  /** The running probe if one is still waiting for the database, otherwise a new one. */
  private synchronized CompletableFuture<Void> currentProbe() {
    if (probe.isDone()) {
      probe = CompletableFuture.runAsync(this::selectOne, prober);
    }
    return probe;
  }

  private void selectOne() {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.setQueryTimeout(1);
      s.execute("SELECT 1");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @PreDestroy
  void stop() {
    prober.shutdownNow();
  }
}
