package org.mlmdkb.curation.auth;

import java.util.Locale;
import org.mlmdkb.common.query.WireNamed;

/** What a key may do: curators create and change content; admins also delete and manage keys. */
public enum Role implements WireNamed {
  CURATOR,
  ADMIN;

  public static Role fromWire(String value) {
    return Role.valueOf(value.toUpperCase(Locale.ROOT));
  }
}
