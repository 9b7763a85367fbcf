package org.mlmdkb.common.error;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The one place that turns PostgreSQL's SQLSTATE into an answer: a unique violation raced in by a
 * concurrent writer is a 409, and so is a foreign-key violation (the rules saw every referenced
 * item before the write, so one that is gone at its commit was deleted meanwhile), a deadlock or
 * serialization failure is worth retrying, and still failing after the retries is a 503 the client
 * may repeat. Looks through wrapping exceptions, since the transaction manager may wrap what the
 * driver threw.
 */
public final class SqlStates {

  /** Seconds a client is told to wait after a write kept losing to concurrent writers. */
  public static final int RETRY_AFTER_SECONDS = 1;

  private static final String UNIQUE_VIOLATION = "23505";
  private static final String FOREIGN_KEY_VIOLATION = "23503";
  private static final String SERIALIZATION_FAILURE = "40001";
  private static final String DEADLOCK_DETECTED = "40P01";

  private SqlStates() {}

  /** True for failures that a fresh attempt of the whole transaction may not meet again. */
  public static boolean isTransient(Throwable failure) {
    return sqlState(failure)
        .filter(s -> s.equals(SERIALIZATION_FAILURE) || s.equals(DEADLOCK_DETECTED))
        .isPresent();
  }

  /** The 409 problem for a unique or foreign-key violation, or empty for any other failure. */
  public static Optional<ApiException> conflict(Throwable failure) {
    return sqlState(failure).map(SqlStates::conflictDetail).map(SqlStates::conflictProblem);
  }

  private static String conflictDetail(String sqlState) {
    return switch (sqlState) {
      case UNIQUE_VIOLATION ->
          "A concurrent request stored an item with the same unique key (slug, DOI,"
              + " arXiv id or name) first; read it, then retry if still needed";
      case FOREIGN_KEY_VIOLATION ->
          "A concurrent request deleted an item this write refers to, or this write removes one"
              + " that a concurrent request has just referred to; nothing was stored. Read the"
              + " items again, then retry if still needed";
      default -> null;
    };
  }

  private static ApiException conflictProblem(String detail) {
    return new ApiException(ProblemType.CONFLICT, detail, List.of());
  }

  /** The 503 problem after the retries of a transient failure ran out. */
  public static RetryLaterException busy() {
    return new RetryLaterException(
        ProblemType.CONCURRENT_WRITES,
        "The write kept colliding with concurrent writes (deadlock or serialization failure) and"
            + " was rolled back; nothing was stored. Retry after "
            + RETRY_AFTER_SECONDS
            + " s",
        RETRY_AFTER_SECONDS);
  }

  private static Optional<String> sqlState(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return Optional.of(sql.getSQLState());
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return Optional.empty();
  }
}
