package org.mlmdkb.common.error;

import io.quarkus.logging.Log;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Logs a database outage once per kind and interval, without a stack trace: during an outage every
 * request fails the same way, and a trace per request buried the log (227 KB in 20 s).
 */
final class OutageLog {

  static final Duration INTERVAL = Duration.ofSeconds(30);

  private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();
  private final long intervalNanos;

  OutageLog(Duration interval) {
    this.intervalNanos = interval.toNanos();
  }

  /** Counts one failure of {@code kind}; logs when its interval has passed since the last line. */
  void record(String kind) {
    Window window = windows.computeIfAbsent(kind, k -> new Window());
    long suppressed = window.tryOpen(System.nanoTime(), intervalNanos);
    if (suppressed >= 0) {
      Log.warnf(
          "Database unavailable (%s): answering 503%s",
          kind,
          suppressed == 0
              ? ""
              : "; " + suppressed + " more since the last report of this kind were not logged");
    }
  }

  private static final class Window {
    private final AtomicLong loggedAt = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong suppressed = new AtomicLong();

    /** The number suppressed since the last line when this call may log, otherwise -1. */
    long tryOpen(long now, long intervalNanos) {
      long last = loggedAt.get();
      boolean due = last == Long.MIN_VALUE || now - last >= intervalNanos;
      if (due && loggedAt.compareAndSet(last, now)) {
        return suppressed.getAndSet(0);
      }
      suppressed.incrementAndGet();
      return -1;
    }
  }
}
