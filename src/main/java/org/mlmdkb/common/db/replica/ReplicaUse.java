package org.mlmdkb.common.db.replica;

/**
 * Remembers, per thread, whether the repository call in progress was handed a replica connection,
 * so that {@link ReplicaFallbackInterceptor} retries on the primary only what the replica failed.
 */
final class ReplicaUse {

  private static final ThreadLocal<boolean[]> CURRENT = new ThreadLocal<>();

  private ReplicaUse() {}

  /** Starts tracking; false when an outer call already tracks this thread (it decides). */
  static boolean begin() {
    if (CURRENT.get() != null) {
      return false;
    }
    CURRENT.set(new boolean[1]);
    return true;
  }

  static void recordReplicaConnection() {
    boolean[] used = CURRENT.get();
    if (used != null) {
      used[0] = true;
    }
  }

  static boolean replicaWasUsed() {
    boolean[] used = CURRENT.get();
    return used != null && used[0];
  }

  static void forget() {
    boolean[] used = CURRENT.get();
    if (used != null) {
      used[0] = false;
    }
  }

  static void end() {
    CURRENT.remove();
  }
}
