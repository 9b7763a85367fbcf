package org.mlmdkb.search;

import org.mlmdkb.common.error.ProblemType;
import org.mlmdkb.common.error.RetryLaterException;

/** A 503: the index is rebuilding, or a search ran past its time budget. */
public class SearchUnavailableException extends RetryLaterException {

  public SearchUnavailableException(String detail, int retryAfterSeconds) {
    super(ProblemType.SEARCH_UNAVAILABLE, detail, retryAfterSeconds);
  }
}
