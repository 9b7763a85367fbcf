package org.mlmdkb.common.error;

import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds problem+json responses; the single place that knows their shape and media type. */
public final class Problems {

  public static final String MEDIA_TYPE = "application/problem+json";
  // A URN: stable and unique without pretending to be a page someone can open.
  private static final String TYPE_BASE = "urn:mlmd-kb:problem:";

  private Problems() {}

  public static Problem problem(
      int status,
      String typeSlug,
      String title,
      String detail,
      String instance,
      List<Problem.FieldError> errors) {
    return new Problem(TYPE_BASE + typeSlug, title, status, detail, instance, List.copyOf(errors));
  }

  public static Response response(Problem problem) {
    return Response.status(problem.status()).type(MEDIA_TYPE).entity(problem).build();
  }

  /** A problem for a bare HTTP status, titled by its reason phrase. */
  public static Problem forStatus(int status, String detail, String instance) {
    Response.Status known = Response.Status.fromStatusCode(status);
    String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
    return problem(status, slugOf(title), title, detail, instance, List.of());
  }

  private static String slugOf(String title) {
    return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }
}
