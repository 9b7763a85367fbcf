package org.mlmdkb.common.db.replica;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mlmdkb.common.config.KbConfig;
import org.mlmdkb.common.db.Sql;
import org.mlmdkb.common.db.replica.ReplicaState.Status;

/**
 * Checks the primary and the read datasource every {@code kb.replica.check-interval} and decides
 * whether public reads may use the replica: reachable and no further behind than {@code
 * kb.replica.max-lag}. Callers that see the replica fail report it here and it is left out at once;
 * the next successful check takes it back, so both directions need no restart.
 */
@ApplicationScoped
public class ReplicaMonitor {

  private static final String PRIMARY_POSITION = "SELECT pg_current_wal_lsn()::text";

  // Lag is zero when the replica has replayed everything the primary had written just before
  // (or, with the primary unreachable, everything it received); otherwise it is the age of the
  // last replayed commit, the measure PostgreSQL's documentation gives for a standby.
  private static final String REPLICA_POSITION =
      """
      SELECT pg_is_in_recovery(),
             CASE WHEN NOT pg_is_in_recovery() THEN true
                  WHEN :primary_lsn::pg_lsn IS NOT NULL
                    THEN pg_last_wal_replay_lsn() >= :primary_lsn::pg_lsn
                  ELSE pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() END,
             (extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000)::bigint
      """;

  /** A replica must be seen behind twice in a row: one sample may catch WAL in flight. */
  private static final int LAGGING_SAMPLES_TO_LEAVE_OUT = 2;

  private final AgroalDataSource primary;
  private final InjectableInstance<AgroalDataSource> read;
  private final Optional<String> readUrl;
  private final Duration maxLag;
  private final Duration interval;

  private final AtomicReference<ReplicaState> state =
      new AtomicReference<>(ReplicaState.of(Status.NOT_CONFIGURED, "no KB_DB_READ_URL"));
  private volatile boolean primaryUp = true;
  private volatile Optional<ReadUrl> target = Optional.empty();
  private int laggingSamples;
  private ScheduledExecutorService checker;

  public ReplicaMonitor(
      AgroalDataSource primary,
      @DataSource("read") InjectableInstance<AgroalDataSource> read,
      @ConfigProperty(name = "quarkus.datasource.read.jdbc.url") Optional<String> readUrl,
      KbConfig config) {
    this.primary = primary;
    this.read = read;
    this.readUrl = readUrl;
    this.maxLag = config.replica().maxLag();
    this.interval = config.replica().checkInterval();
  }

  void onStart(@Observes StartupEvent event) {
    if (readUrl.isPresent()) {
      target = ReadUrl.parse(readUrl.get());
      if (target.isEmpty()) {
        // Never echo the value: it may carry a password.
        change(
            ReplicaState.of(
                Status.MISCONFIGURED,
                "KB_DB_READ_URL is not a jdbc:postgresql:// URL; every read uses the primary"));
      } else {
        Log.infof(
            "Public reads may use the read datasource %s (left out beyond %d ms of lag)",
            target.get().redacted(), maxLag.toMillis());
      }
    }
    check();
    checker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "replica-monitor");
              t.setDaemon(true);
              return t;
            });
    checker.scheduleWithFixedDelay(
        this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  void onStop(@Observes ShutdownEvent event) {
    if (checker != null) {
      checker.shutdownNow();
    }
  }

  /** The replica's state as last seen. */
  public ReplicaState state() {
    return state.get();
  }

  /** Whether the primary answered the last check. */
  public boolean primaryUp() {
    return primaryUp;
  }

  /** The read URL without credentials, for readiness; empty when none is usable. */
  public Optional<String> redactedTarget() {
    return target.map(ReadUrl::redacted);
  }

  boolean replicaUsable() {
    return state.get().usable();
  }

  AgroalDataSource readDataSource() {
    return read.getActive();
  }

  /** A caller lost its replica connection: leave the replica out until a check succeeds again. */
  void leaveOut(Throwable failure) {
    if (state.get().usable()) {
      change(unreachable("connection failed", failure));
    }
  }

  /** One round: the primary's WAL position, then the replica's replay position and lag. */
  synchronized void check() {
    String primaryPosition = primaryPosition();
    if (target.isEmpty()) {
      return;
    }
    try {
      long[] sample =
          Sql.query(
              read.getActive(),
              REPLICA_POSITION,
              q ->
                  q.bind("primary_lsn", primaryPosition)
                      .map(
                          (rs, ctx) -> {
                            boolean inRecovery = rs.getBoolean(1);
                            boolean caughtUp = rs.getBoolean(2);
                            long age = rs.getLong(3);
                            boolean ageKnown = !rs.wasNull();
                            long lag = caughtUp ? 0 : ageKnown ? Math.max(age, 0) : -1;
                            return new long[] {inRecovery ? 1 : 0, lag};
                          })
                      .one());
      boolean inRecovery = sample[0] == 1;
      judge(inRecovery, sample[1]);
      if (!inRecovery) {
        // A multi-host URL (targetServerType=preferSecondary) fell back to a primary: renew
        // the pooled connections so that they return to the replicas once those are back.
        read.getActive().flush(AgroalDataSource.FlushMode.GRACEFUL);
      }
    } catch (SQLException | RuntimeException e) {
      laggingSamples = 0;
      change(unreachable("unreachable", e));
    }
  }

  /** The state of a replica that {@code failure} kept from answering, as {@code what} it was. */
  private static ReplicaState unreachable(String what, Throwable failure) {
    return new ReplicaState(
        Status.UNREACHABLE,
        -1,
        false,
        what + " (" + ConnectionFailures.describe(failure) + ")",
        Instant.now());
  }

  private void judge(boolean inRecovery, long lag) {
    boolean behind = lag < 0 || lag > maxLag.toMillis();
    laggingSamples = behind ? laggingSamples + 1 : 0;
    if (behind && laggingSamples >= LAGGING_SAMPLES_TO_LEAVE_OUT) {
      change(
          new ReplicaState(
              Status.LAGGING,
              lag,
              inRecovery,
              lag < 0
                  ? "replay position unknown"
                  : "behind the primary by " + lag + " ms (bound " + maxLag.toMillis() + " ms)",
              Instant.now()));
    } else if (!behind || state.get().usable()) {
      change(new ReplicaState(Status.IN_USE, Math.max(lag, 0), inRecovery, "", Instant.now()));
    }
  }

  private String primaryPosition() {
    try {
      String position = Sql.query(primary, PRIMARY_POSITION, q -> q.mapTo(String.class).one());
      if (!primaryUp) {
        Log.info("The primary database answers again");
      }
      primaryUp = true;
      return position;
    } catch (SQLException | RuntimeException e) {
      if (primaryUp) {
        Log.warnf("The primary database does not answer (%s)", ConnectionFailures.describe(e));
      }
      primaryUp = false;
      return null;
    }
  }

  /** Request threads call this too, so it never waits for a check in progress. */
  private void change(ReplicaState next) {
    ReplicaState previous = state.getAndSet(next);
    if (previous.status() == next.status()) {
      return;
    }
    if (next.usable()) {
      Log.infof("Public reads use the replica (lag %d ms)", next.lagMillis());
    } else {
      Log.warnf(
          "Public reads use the primary: replica %s, %s", next.status().label(), next.reason());
    }
  }
}
