package org.mlmdkb.result.imports;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.mlmdkb.common.error.ApiException;

/** What an import may create when its rows name it and the corpus lacks it. */
public enum MissingItems {
  METHODS,
  SUBSETS;

  /** {@code create_missing=subsets,methods}; unknown words are a 400 naming the parameter. */
  public static Set<MissingItems> parse(String text) {
    Set<MissingItems> out = EnumSet.noneOf(MissingItems.class);
    if (text == null || text.isBlank()) {
      return out;
    }
    for (String word : text.split(",")) {
      String w = word.strip().toLowerCase(Locale.ROOT);
      switch (w) {
        case "methods" -> out.add(METHODS);
        case "subsets" -> out.add(SUBSETS);
        default ->
            throw ApiException.badParameter(
                "create_missing",
                "must be a comma-separated list of 'methods' and 'subsets', not '"
                    + (w.length() > 40 ? w.substring(0, 40) + "…" : w)
                    + "'");
      }
    }
    return out;
  }
}
