package org.mlmdkb.curation;

import java.util.Locale;
import java.util.regex.Pattern;
import org.mlmdkb.common.query.TextFolding;

/** Normalises DOIs and arXiv ids as the schema stores them; null means "not a valid one". */
public final class Identifiers {

  private static final Pattern DOI = Pattern.compile("^10\\.\\d{4,9}/\\S+$");
  private static final Pattern ARXIV =
      Pattern.compile("^(\\d{4}\\.\\d{4,5}|[a-z-]+(\\.[A-Z]{2})?/\\d{7})$");

  private Identifiers() {}

  /** "https://doi.org/10.1103/PhysRevLett.98.146401" → "10.1103/physrevlett.98.146401". */
  public static String doi(String text) {
    if (text == null) {
      return null;
    }
    String doi =
        text.strip()
            .toLowerCase(Locale.ROOT)
            .replaceFirst("^(https?://(dx\\.)?doi\\.org/|doi:\\s*)", "");
    return DOI.matcher(doi).matches() ? doi : null;
  }

  /** "arXiv:2101.03164v2" → "2101.03164"; old-style ids keep their archive ("cond-mat/0601001"). */
  public static String arxiv(String text) {
    if (text == null) {
      return null;
    }
    String id =
        text.strip()
            .replaceFirst("(?i)^(https?://arxiv\\.org/abs/|arxiv:\\s*)", "")
            .replaceFirst("v\\d+$", "");
    return ARXIV.matcher(id).matches() ? id : null;
  }

  /**
   * The arXiv id an arXiv-issued DOI stands for: "10.48550/arxiv.2308.13863" → "2308.13863"; null
   * for any other DOI.
   */
  public static String arxivOfDoi(String doi) {
    if (doi == null || !doi.toLowerCase(Locale.ROOT).startsWith("10.48550/arxiv.")) {
      return null;
    }
    return arxiv(doi.substring("10.48550/arxiv.".length()));
  }

  /** Titles compared for de-duplication: letters and digits only, lower case, no accents. */
  public static String titleKey(String title) {
    return title == null ? "" : TextFolding.fold(title.replaceAll("[{}]", ""));
  }
}
