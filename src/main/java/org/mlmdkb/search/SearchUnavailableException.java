package org.mlmdkb.search;

import java.util.List;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.ProblemType;

/** A 503: the index is rebuilding, or a search ran past its time budget. */
public class SearchUnavailableException extends ApiException {

  private final int retryAfterSeconds;

  public SearchUnavailableException(String detail, int retryAfterSeconds) {
    super(ProblemType.SEARCH_UNAVAILABLE, detail, List.of());
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
