package org.mlmdkb.search;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts this instance's committed writes and how many of them the index shows, so that a read can
 * wait for exactly the writes committed before it arrived instead of every write paying for an
 * index refresh. A catch-up pass covers the writes counted before it starts: each is counted after
 * its transaction committed, so the pass's reads of the change sequence see it.
 */
final class WriteWatermark {

  private final AtomicLong committed = new AtomicLong();
  private final Object lock = new Object();
  // Written under the lock; volatile so that a read with nothing pending skips the lock.
  private volatile long applied;

  /** Called after a write's transaction committed; wakes the pass that will apply it. */
  void writeCommitted() {
    committed.incrementAndGet();
    synchronized (lock) {
      lock.notifyAll();
    }
  }

  /** The writes a pass starting now covers; call before the pass reads the change sequence. */
  long passStarts() {
    return committed.get();
  }

  /** A pass that started at {@code covered} has applied and refreshed its changes. */
  void passEnded(long covered) {
    synchronized (lock) {
      if (covered > applied) {
        applied = covered;
      }
      lock.notifyAll();
    }
  }

  /** Blocks the catch-up thread until a write is not yet applied; false when interrupted. */
  boolean awaitPending() {
    synchronized (lock) {
      while (committed.get() <= applied) {
        try {
          lock.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }

  /**
   * Waits until every write committed so far is applied, for at most {@code timeout}; true once it
   * is. Free when nothing is pending: two volatile reads, no lock (32 readers would otherwise queue
   * on it).
   */
  boolean awaitApplied(Duration timeout) {
    long target = committed.get();
    if (applied >= target) {
      return true;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (applied < target) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          lock.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }
}
