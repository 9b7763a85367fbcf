package org.mlmdkb.search;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How a query ranks: by its words (BM25), by meaning (embeddings), or both fused. */
public enum SearchMode {
  KEYWORD,
  SEMANTIC,
  HYBRID;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static List<String> wireNames() {
    return Arrays.stream(values()).map(SearchMode::wire).toList();
  }

  public static SearchMode fromWire(String wire) {
    return valueOf(wire.toUpperCase(Locale.ROOT));
  }
}
