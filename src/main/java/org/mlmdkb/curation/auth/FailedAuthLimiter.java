package org.mlmdkb.curation.auth;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import org.mlmdkb.common.config.KbConfig;
import org.mlmdkb.common.error.ProblemType;
import org.mlmdkb.common.error.RetryLaterException;
import org.mlmdkb.common.web.ClientWindows;

/**
 * Brute-force protection: a client address that presented {@code kb.limits.auth-failures} wrong
 * keys within {@code kb.limits.auth-window} gets 429 with Retry-After for every key it presents
 * until the window ends, the right key included (otherwise guessing would just go on). Each failure
 * is logged with the address, never the key; once an address is blocked, one more line says so and
 * the rest of its window stays quiet, so a flood of guesses cannot flood the log.
 */
@ApplicationScoped
public class FailedAuthLimiter {

  private final int maxFailures;
  private final ClientWindows failures;

  public FailedAuthLimiter(KbConfig config) {
    this.maxFailures = config.limits().authFailures();
    this.failures = new ClientWindows(config.limits().authWindow().toMillis());
  }

  /** Throws the 429 while {@code address} is blocked. */
  public void checkNotBlocked(String address) {
    long now = System.currentTimeMillis();
    if (failures.count(address, now) >= maxFailures) {
      long wait = failures.secondsLeft(address, now);
      throw new RetryLaterException(
          ProblemType.TOO_MANY_FAILED_AUTHENTICATIONS,
          "This address presented "
              + maxFailures
              + " or more invalid API keys; retry after "
              + wait
              + " s",
          wait);
    }
  }

  /** Counts one wrong key from {@code address}, logging it (without the key). */
  public void recordFailure(String address, String method, String path) {
    int count = failures.add(address, System.currentTimeMillis());
    if (count < maxFailures) {
      Log.warnf(
          "Invalid API key from %s on %s %s (%d in this window)", address, method, path, count);
    } else if (count == maxFailures) {
      Log.warnf(
          "Invalid API key from %s on %s %s: %d failures, further keys from it get 429 until"
              + " the window ends",
          address, method, path, count);
    }
  }
}
