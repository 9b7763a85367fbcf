package org.mlmdkb.paper.lookup;

import java.util.List;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.common.error.ProblemType;
import org.mlmdkb.curation.Identifiers;

/** The one identifier a lookup names, normalised as the schema stores it. */
record PaperIdentifier(Kind kind, String value) {

  enum Kind {
    DOI("doi"),
    ARXIV("arxiv_id");

    /** The request body property that carries it. */
    final String field;

    Kind(String field) {
      this.field = field;
    }
  }

  // Longer than any real identifier or URL of one; refused before any pattern runs on it.
  private static final int MAX_LENGTH = 300;

  /** Reads the request; 400 naming the field when neither, both or a malformed one is given. */
  static PaperIdentifier of(LookupRequest request) {
    String doi = request == null ? null : blankToNull(request.doi());
    String arxiv = request == null ? null : blankToNull(request.arxivId());
    if ((doi == null) == (arxiv == null)) {
      String message = "give exactly one of doi and arxiv_id";
      throw new ApiException(
          ProblemType.MALFORMED_BODY,
          "The request body must " + message,
          List.of(
              new Problem.FieldError("doi", "body", message),
              new Problem.FieldError("arxiv_id", "body", message)));
    }
    return doi != null ? parse(Kind.DOI, doi) : parse(Kind.ARXIV, arxiv);
  }

  private static PaperIdentifier parse(Kind kind, String text) {
    String value = null;
    if (text.length() <= MAX_LENGTH) {
      value =
          kind == Kind.DOI
              ? Identifiers.doi(text)
              // Identifiers knows arxiv.org/abs/ links; pdf and export.arxiv.org links are as
              // common.
              : Identifiers.arxiv(
                  text.strip()
                      .replaceFirst("(?i)^https?://(www\\.|export\\.)?arxiv\\.org/(abs|pdf)/", "")
                      .replaceFirst("(?i)\\.pdf$", ""));
    }
    if (value == null) {
      String message =
          kind == Kind.DOI
              ? "is not a DOI (10.<registrant>/<suffix>, doi:… or https://doi.org/…)"
              : "is not an arXiv id (2101.03164, 2101.03164v2, cond-mat/0601001, arXiv:… or an"
                  + " arxiv.org link)";
      throw new ApiException(
          ProblemType.INVALID_IDENTIFIER,
          "Body property '" + kind.field + "' " + message,
          List.of(new Problem.FieldError(kind.field, "body", message)));
    }
    return new PaperIdentifier(kind, value);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
