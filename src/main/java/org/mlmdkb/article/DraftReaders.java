package org.mlmdkb.article;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.curation.auth.ApiKeyService;

/**
 * Decides whether a read may see draft articles: any valid curator or admin key may, since a
 * curator must read a draft (and its ETag) to edit it. Reads are otherwise public, so the global
 * key filter skips them and this check is made here.
 */
@ApplicationScoped
public class DraftReaders {

  private final ApiKeyService keys;

  public DraftReaders(ApiKeyService keys) {
    this.keys = keys;
  }

  /**
   * False without an Authorization header; true for a valid key; a header with an invalid key is a
   * 401, so a curator learns the key is wrong instead of seeing a draft as missing.
   */
  public boolean mayReadDrafts(String authorization) throws SQLException {
    if (authorization == null || authorization.isBlank()) {
      return false;
    }
    List<String> parts = List.of(authorization.strip().split("\\s+", 2));
    boolean bearer = parts.size() == 2 && parts.get(0).toLowerCase(Locale.ROOT).equals("bearer");
    if (bearer && keys.authenticate(parts.get(1)).isPresent()) {
      return true;
    }
    throw new ApiException(
        401,
        "unauthorized",
        "Unauthorized",
        "The API key in Authorization is not valid; send none to read published articles only",
        List.of(new Problem.FieldError("Authorization", "header", "is not a valid API key")));
  }
}
