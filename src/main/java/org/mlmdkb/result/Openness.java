package org.mlmdkb.result;

import java.util.List;
import java.util.Locale;
import org.mlmdkb.common.query.WireNamed;

/**
 * How open a method is, from what the method table holds: a code link and a licence. Each level
 * includes the ones after it. The corpus records no checkpoint or weights link, so openness of
 * weights cannot be told apart and is not offered as a level.
 */
public enum Openness implements WireNamed {
  /** A public code repository is linked. */
  CODE,
  /** Code is linked and a licence is stated (any licence, including non-commercial ones). */
  LICENSED,
  /**
   * Code is linked under an OSI-approved open-source licence; the Academic Software License (ASL)
   * of GRACE and MACE-OFF forbids commercial use, so it is not one.
   */
  OSI;

  /** SPDX identifiers of OSI-approved licences; the corpus uses the first six. */
  static final List<String> OSI_LICENCES =
      List.of(
          "mit",
          "bsd-2-clause",
          "bsd-3-clause",
          "apache-2.0",
          "gpl-3.0",
          "lgpl-3.0",
          "gpl-2.0",
          "lgpl-2.1",
          "mpl-2.0",
          "agpl-3.0",
          "isc");

  static final List<String> WIRE = List.of("code", "licensed", "osi");

  static Openness parse(String wire) {
    return wire == null ? null : valueOf(wire.toUpperCase(Locale.ROOT));
  }
}
