package org.mlmdkb.paper;

import org.mlmdkb.common.query.TextFolding;

/** The normalised form of a person's name used to match authors across papers and queries. */
public final class AuthorNames {

  private AuthorNames() {}

  /** "Kristof T. Schütt" → "kristof t schutt": no accents, no punctuation, single spaces. */
  public static String normalize(String name) {
    return TextFolding.fold(name);
  }
}
