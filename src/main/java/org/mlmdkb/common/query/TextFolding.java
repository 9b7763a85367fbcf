package org.mlmdkb.common.query;

import java.text.Normalizer;
import java.util.Locale;

/** Text folded for matching: names and titles that differ only in accents, case or punctuation. */
public final class TextFolding {

  private TextFolding() {}

  /** "Kristof T. Schütt" → "kristof t schutt": no accents, no punctuation, single spaces. */
  public static String fold(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
    return decomposed
        .replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N}]+", " ")
        .strip();
  }
}
