package org.mlmdkb.search;

import java.util.Locale;

/** The kinds of documents a search returns. */
public enum SearchType {
  PAPER,
  ARTICLE,
  METHOD,
  DATASET;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
