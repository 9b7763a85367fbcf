package org.mlmdkb.common.error;

import java.util.List;

/**
 * A 503 or 429 problem whose answer carries {@code Retry-After}: the same request may succeed
 * later.
 */
public class RetryLaterException extends ApiException {

  private final long retryAfterSeconds;

  public RetryLaterException(ProblemType type, String detail, long retryAfterSeconds) {
    super(type, detail, List.of());
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
