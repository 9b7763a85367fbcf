package org.mlmdkb.paper.citation;

import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.mlmdkb.common.query.QueryParams;

/** Citation formats a paper or a page of papers can be exported in, chosen by format= or Accept. */
public enum CitationFormat {
  BIBTEX("bibtex", CitationFormat.BIBTEX_TYPE),
  BIBLATEX("biblatex", CitationFormat.BIBTEX_TYPE),
  CSL_JSON("csl-json", CitationFormat.CSL_JSON_TYPE),
  RIS("ris", CitationFormat.RIS_TYPE);

  public static final String BIBTEX_TYPE = "application/x-bibtex";
  public static final String CSL_JSON_TYPE = "application/vnd.citationstyles.csl+json";
  public static final String RIS_TYPE = "application/x-research-info-systems";

  private final String parameter;
  private final String mediaType;

  CitationFormat(String parameter, String mediaType) {
    this.parameter = parameter;
    this.mediaType = mediaType;
  }

  public String parameter() {
    return parameter;
  }

  /** The response's Content-Type, with the charset every export is written in. */
  public String contentType() {
    return mediaType + ";charset=UTF-8";
  }

  /**
   * An explicit {@code format} wins (json means the normal representation); otherwise the first
   * acceptable media type that names an export; empty means JSON. BibTeX's media type yields
   * BibTeX; BibLaTeX is reachable through {@code format=biblatex} only.
   */
  public static Optional<CitationFormat> negotiate(String format, List<MediaType> acceptable) {
    List<String> names =
        List.of("json", BIBTEX.parameter, BIBLATEX.parameter, CSL_JSON.parameter, RIS.parameter);
    String chosen = QueryParams.oneOf("format", format, names);
    if (chosen != null) {
      return Arrays.stream(values()).filter(f -> f.parameter.equals(chosen)).findFirst();
    }
    for (MediaType type : acceptable) {
      if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
        return Optional.empty();
      }
      for (CitationFormat f : List.of(BIBTEX, CSL_JSON, RIS)) {
        if (type.isCompatible(MediaType.valueOf(f.mediaType))) {
          return Optional.of(f);
        }
      }
    }
    return Optional.empty();
  }
}
