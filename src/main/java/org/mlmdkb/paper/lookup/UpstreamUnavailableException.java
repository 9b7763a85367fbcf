package org.mlmdkb.paper.lookup;

import org.mlmdkb.common.error.ProblemType;
import org.mlmdkb.common.error.RetryLaterException;

/** An upstream service that could not be reached at all; the answer says when to try again. */
public class UpstreamUnavailableException extends RetryLaterException {

  // Long enough for a network blip or a DNS cache to recover, short enough for a curator waiting.
  static final int RETRY_AFTER_SECONDS = 60;

  UpstreamUnavailableException(String service) {
    super(
        ProblemType.UPSTREAM_UNAVAILABLE,
        service + " could not be reached; try again later",
        RETRY_AFTER_SECONDS);
  }
}
