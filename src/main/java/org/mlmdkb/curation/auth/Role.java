package org.mlmdkb.curation.auth;

import java.util.Locale;

/** What a key may do: curators create and change content; admins also delete and manage keys. */
public enum Role {
  CURATOR,
  ADMIN;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role fromWire(String value) {
    return Role.valueOf(value.toUpperCase(Locale.ROOT));
  }
}
