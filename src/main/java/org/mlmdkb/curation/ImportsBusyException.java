package org.mlmdkb.curation;

import java.util.List;
import org.mlmdkb.common.error.ApiException;

/** 503: every import slot is taken; the answer says when to try again. */
public class ImportsBusyException extends ApiException {

  private final int retryAfterSeconds;

  ImportsBusyException(int retryAfterSeconds) {
    super(
        503,
        "imports-busy",
        "Too many imports",
        "Every import slot of this instance is taken (kb.import.max-concurrent); retry in "
            + retryAfterSeconds
            + " s",
        List.of());
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
