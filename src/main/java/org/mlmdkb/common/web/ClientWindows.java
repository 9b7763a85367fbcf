package org.mlmdkb.common.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts events per client address in fixed windows of {@code windowMillis}. Memory stays bounded:
 * when more than {@link #MAX_TRACKED} addresses are tracked, windows that ended are dropped, and if
 * that is not enough (a flood from many addresses), every count is dropped: the limit then errs
 * towards letting requests through, never towards refusing everyone.
 */
public final class ClientWindows {

  static final int MAX_TRACKED = 50_000;

  private record Window(long startMillis, AtomicInteger count) {}

  private final long windowMillis;
  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

  public ClientWindows(long windowMillis) {
    this.windowMillis = windowMillis;
  }

  /** Adds one event for {@code address} and answers the count in its current window. */
  public int add(String address, long nowMillis) {
    return current(address, nowMillis).count().incrementAndGet();
  }

  /** The count in the current window, without adding. */
  public int count(String address, long nowMillis) {
    Window w = windows.get(address);
    return w == null || nowMillis - w.startMillis() >= windowMillis ? 0 : w.count().get();
  }

  /** Whole seconds (at least 1) until the current window of {@code address} ends. */
  public long secondsLeft(String address, long nowMillis) {
    Window w = windows.get(address);
    long left = w == null ? 0 : w.startMillis() + windowMillis - nowMillis;
    return Math.max(1, (left + 999) / 1000);
  }

  private Window current(String address, long nowMillis) {
    if (windows.size() > MAX_TRACKED) {
      windows.values().removeIf(w -> nowMillis - w.startMillis() >= windowMillis);
      if (windows.size() > MAX_TRACKED) {
        windows.clear();
      }
    }
    return windows.compute(
        address,
        (k, w) ->
            w == null || nowMillis - w.startMillis() >= windowMillis
                ? new Window(nowMillis, new AtomicInteger())
                : w);
  }
}
