package org.mlmdkb.curation;

import java.util.List;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.ProblemType;

/** 503: every import slot is taken; the answer says when to try again. */
public class ImportsBusyException extends ApiException {

  private final int retryAfterSeconds;

  ImportsBusyException(int retryAfterSeconds) {
    super(
        ProblemType.IMPORTS_BUSY,
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
