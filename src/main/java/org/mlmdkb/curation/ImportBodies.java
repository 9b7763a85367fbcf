package org.mlmdkb.curation;

import java.util.List;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.common.error.ProblemType;

/** The 400 for an import body that cannot be read as a whole. */
public final class ImportBodies {

  private ImportBodies() {}

  /** {@code fault} completes "The body …", e.g. "is not valid CSV: …". */
  public static ApiException malformed(String fault) {
    return malformed("The body " + fault, List.of(new Problem.FieldError("body", "body", fault)));
  }

  public static ApiException malformed(String detail, List<Problem.FieldError> errors) {
    return new ApiException(ProblemType.MALFORMED_BODY, detail, errors);
  }

  /** 422: the body is well formed but holds nothing to import; {@code fault} names what. */
  public static ApiException noEntries(String detail, String fault) {
    return new ApiException(
        ProblemType.NO_ENTRIES, detail, List.of(new Problem.FieldError("body", "body", fault)));
  }

  /** 413: the body is larger than kb.import.max-bytes. */
  public static ApiException tooLarge(long maxBytes) {
    return tooLarge(
        "An import body may hold at most " + maxBytes + " bytes; split it into several imports",
        "is larger than " + maxBytes + " bytes");
  }

  /** 413 for an import too large by another measure; {@code fault} says what of the body. */
  public static ApiException tooLarge(String detail, String fault) {
    return new ApiException(
        ProblemType.CONTENT_TOO_LARGE,
        detail,
        List.of(new Problem.FieldError("body", "body", fault)));
  }

  public static String firstLine(Throwable e) {
    // An I/O failure of a parser wraps the parser's own message, which is the one to show.
    Throwable cause = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause() : e;
    String message = cause.getMessage() == null ? "unreadable" : cause.getMessage();
    String line = message.lines().findFirst().orElse("");
    return line.length() <= 160 ? line : line.substring(0, 160) + "…";
  }
}
