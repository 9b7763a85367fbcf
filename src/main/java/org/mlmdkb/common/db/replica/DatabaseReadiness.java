package org.mlmdkb.common.db.replica;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.mlmdkb.common.db.DatabaseReadinessCheck;

/**
 * Reports the primary, the read datasource, its lag and where public reads go, as last seen by
 * {@link ReplicaMonitor} (so a probe never waits on a dead server). Ready while either database can
 * answer: with the primary down, reads still work from the replica and writes answer 503, which a
 * load balancer should keep sending to this instance. No URL parameters, users or passwords are
 * ever shown.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  private final ReplicaMonitor monitor;
  private final DatabaseReadinessCheck primaryProbe;

  public DatabaseReadiness(ReplicaMonitor monitor, DatabaseReadinessCheck primaryProbe) {
    this.monitor = monitor;
    this.primaryProbe = primaryProbe;
  }

  @Override
  public HealthCheckResponse call() {
    ReplicaState replica = monitor.state();
    // Asked of the primary now, within a bound (a frozen primary must not hold the probe); the
    // monitor's view, refreshed every check interval, decides where reads go.
    java.util.Optional<String> primaryDown = primaryProbe.primaryDownReason();
    boolean primaryUp = primaryDown.isEmpty();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("Database")
            .status(primaryUp || replica.usable())
            .withData("primary", primaryUp ? "up" : "down")
            .withData("replica", replica.status().label())
            .withData("reads_on", readsOn(replica))
            .withData("writes", primaryUp ? "available" : "unavailable");
    monitor.redactedTarget().ifPresent(url -> response.withData("replica_url", url));
    if (replica.lagMillis() >= 0) {
      response.withData("replica_lag_ms", replica.lagMillis());
    }
    primaryDown.ifPresent(reason -> response.withData("primary_reason", reason));
    if (!replica.reason().isEmpty()) {
      response.withData("replica_reason", replica.reason());
    }
    return response.build();
  }

  /** "primary (read url)": a multi-host read URL fell back to a primary listed in it. */
  private static String readsOn(ReplicaState replica) {
    if (!replica.usable()) {
      return "primary";
    }
    return replica.inRecovery() ? "replica" : "primary (read url)";
  }
}
