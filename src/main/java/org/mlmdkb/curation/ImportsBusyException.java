package org.mlmdkb.curation;

import org.mlmdkb.common.error.ProblemType;
import org.mlmdkb.common.error.RetryLaterException;

/** 503: every import slot is taken; the answer says when to try again. */
public class ImportsBusyException extends RetryLaterException {

  ImportsBusyException(int retryAfterSeconds) {
    super(
        ProblemType.IMPORTS_BUSY,
        "Every import slot of this instance is taken (kb.import.max-concurrent); retry in "
            + retryAfterSeconds
            + " s",
        retryAfterSeconds);
  }
}
