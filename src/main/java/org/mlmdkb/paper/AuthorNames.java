package org.mlmdkb.paper;

import java.text.Normalizer;
import java.util.Locale;

/** The normalised form of a person's name used to match authors across papers and queries. */
public final class AuthorNames {

  private AuthorNames() {}

  /** "Kristof T. Schütt" → "kristof t schutt": no accents, no punctuation, single spaces. */
  public static String normalize(String name) {
    String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
    return decomposed
        .replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N}]+", " ")
        .strip();
  }
}
