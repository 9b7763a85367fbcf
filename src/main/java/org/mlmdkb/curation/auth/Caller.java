package org.mlmdkb.curation.auth;

import jakarta.enterprise.context.RequestScoped;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.ProblemType;

/** The API key behind the current write request, set by {@link ApiKeyFilter}. */
@RequestScoped
public class Caller {

  private String keyName;
  private Role role;

  void authenticate(String keyName, Role role) {
    this.keyName = keyName;
    this.role = role;
  }

  /** The key's name, recorded in the change history; never the key itself. */
  public String keyName() {
    if (keyName == null) {
      // Only reachable if a write endpoint escaped ApiKeyFilter: refuse rather than write.
      throw new ApiException(
          ProblemType.UNAUTHORIZED,
          "This request needs a valid API key: Authorization: Bearer <key>",
          java.util.List.of());
    }
    return keyName;
  }

  public Role role() {
    return role;
  }
}
