package org.mlmdkb.common.db.replica;

import java.time.Instant;

/**
 * What the last check found about the read datasource; immutable, replaced as a whole so readers
 * never see half of a check.
 *
 * @param status whether public reads may use the replica, and if not, why
 * @param lagMillis replay delay behind the primary at the last check; -1 when unknown
 * @param inRecovery whether the server reached is a standby ({@code pg_is_in_recovery()})
 * @param reason a short, credential-free explanation for operators (log and readiness)
 * @param checkedAt when the check ran; null before the first one
 */
public record ReplicaState(
    Status status, long lagMillis, boolean inRecovery, String reason, Instant checkedAt) {

  /** Why public reads do or do not use the replica. */
  public enum Status {
    /** No {@code KB_DB_READ_URL}: every read uses the primary, as without replicas. */
    NOT_CONFIGURED,
    /** {@code KB_DB_READ_URL} is not a PostgreSQL JDBC URL: ignored, reads use the primary. */
    MISCONFIGURED,
    /** Reachable and within the lag bound: public reads use it. */
    IN_USE,
    /** Reachable but behind the primary by more than the bound: left out. */
    LAGGING,
    /** Not reachable (stopped, refused, timed out): left out. */
    UNREACHABLE;

    /** The lower-case name used in readiness data. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  static ReplicaState of(Status status, String reason) {
    return new ReplicaState(status, -1, false, reason, Instant.now());
  }

  public boolean usable() {
    return status == Status.IN_USE;
  }
}
