package org.mlmdkb.curation.auth;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.common.error.ProblemType;

/**
 * Decides whether a read may see what the public may not (drafts, deleted items' history, key
 * names): any valid curator or admin key may, since a curator must read an item to edit or restore
 * it. Reads are otherwise public, so the global key filter skips them and this check is made here.
 */
@ApplicationScoped
public class UnpublishedReaders {

  private final Authenticator keys;

  public UnpublishedReaders(Authenticator keys) {
    this.keys = keys;
  }

  /**
   * False without an Authorization header; true for a valid key; a header with an invalid key is a
   * 401, so a curator learns the key is wrong instead of seeing an item as missing.
   */
  public boolean mayReadUnpublished(String authorization) throws SQLException {
    if (authorization == null || authorization.isBlank()) {
      return false;
    }
    if (keys.authenticate(authorization).isPresent()) {
      return true;
    }
    throw new ApiException(
        ProblemType.UNAUTHORIZED,
        "The API key in Authorization is not valid; send none to read published items only",
        List.of(new Problem.FieldError("Authorization", "header", "is not a valid API key")));
  }
}
