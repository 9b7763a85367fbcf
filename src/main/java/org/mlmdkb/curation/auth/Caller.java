package org.mlmdkb.curation.auth;

import jakarta.enterprise.context.RequestScoped;

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
      throw new IllegalStateException("No authenticated caller on this request");
    }
    return keyName;
  }

  public Role role() {
    return role;
  }
}
