package org.mlmdkb.paper.bibtex;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * BibLaTeX's extended name format, which Better BibTeX writes for names with particles: {@code
 * family=Oord, given=Cas, prefix=van der, useprefix=true} is Cas van der Oord. The prefix is part
 * of the displayed name whether or not {@code useprefix} sorts by it.
 */
final class ExtendedName {

  private static final Pattern EXTENDED =
      Pattern.compile("(?i)^\\s*(family|given|prefix|suffix)\\s*=.*");

  private ExtendedName() {}

  static boolean isExtended(String name) {
    return EXTENDED.matcher(name).matches() && name.contains("=");
  }

  /** "given prefix family suffix", each part's LaTeX turned into text by {@code latex}. */
  static String parse(String name, UnaryOperator<String> latex) {
    Map<String, String> parts = new LinkedHashMap<>();
    for (String item : splitTopLevel(name)) {
      int eq = item.indexOf('=');
      if (eq > 0) {
        String key = item.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        parts.put(key, latex.apply(unbrace(item.substring(eq + 1).strip())).strip());
      }
    }
    List<String> words = new ArrayList<>();
    for (String key : List.of("given", "prefix", "family", "suffix")) {
      String value = parts.get(key);
      if (value != null && !value.isEmpty()) {
        words.add(value);
      }
    }
    return String.join(" ", words).replaceAll("\\s+", " ");
  }

  private static String unbrace(String value) {
    return value.startsWith("{") && value.endsWith("}")
        ? value.substring(1, value.length() - 1)
        : value;
  }

  /** Splits on commas outside braces. */
  private static List<String> splitTopLevel(String text) {
    return TopLevelSplit.split(text, i -> text.charAt(i) == ',' ? 1 : 0);
  }
}
