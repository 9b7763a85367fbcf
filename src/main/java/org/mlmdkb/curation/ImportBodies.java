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

  /** 413: the body is larger than kb.import.max-bytes. */
  public static ApiException tooLarge(long maxBytes) {
    return new ApiException(
        ProblemType.CONTENT_TOO_LARGE,
        "An import body may hold at most " + maxBytes + " bytes; split it into several imports",
        List.of(new Problem.FieldError("body", "body", "is larger than " + maxBytes + " bytes")));
  }

  public static String firstLine(Throwable e) {
    // An I/O failure of a parser wraps the parser's own message, which is the one to show.
    Throwable cause = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause() : e;
    String message = cause.getMessage() == null ? "unreadable" : cause.getMessage();
    String line = message.lines().findFirst().orElse("");
    return line.length() <= 160 ? line : line.substring(0, 160) + "…";
  }
}
