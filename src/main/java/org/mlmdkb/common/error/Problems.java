package org.mlmdkb.common.error;

import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds problem+json responses; the single place that knows their shape and media type. */
public final class Problems {

  public static final String MEDIA_TYPE = "application/problem+json";

  private Problems() {}

  /** A problem of {@code type} with its usual status. */
  public static Problem problem(
      ProblemType type, String detail, String instance, List<Problem.FieldError> errors) {
    return problem(type, type.status(), detail, instance, errors);
  }

  /** A problem of {@code type} with one of the statuses it may come with. */
  public static Problem problem(
      ProblemType type,
      int status,
      String detail,
      String instance,
      List<Problem.FieldError> errors) {
    return new Problem(type.uri(), type.title(), status, detail, instance, List.copyOf(errors));
  }

  public static Response response(Problem problem) {
    return Response.status(problem.status()).type(MEDIA_TYPE).entity(problem).build();
  }

  /** A problem for a bare HTTP status, typed and titled by its catalogue entry. */
  public static Problem forStatus(int status, String detail, String instance) {
    return problem(ProblemType.forStatus(status), status, detail, instance, List.of());
  }
}
