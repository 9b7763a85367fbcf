package org.mlmdkb.common.error;

import java.util.List;

/** A failure the client can act on; mapped to problem+json by {@link ProblemMapper}. */
public class ApiException extends RuntimeException {

  private final int status;
  private final String typeSlug;
  private final String title;
  private final List<Problem.FieldError> errors;

  public ApiException(
      int status, String typeSlug, String title, String detail, List<Problem.FieldError> errors) {
    super(detail);
    this.status = status;
    this.typeSlug = typeSlug;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  public static ApiException badParameter(String name, String message) {
    return new ApiException(
        400,
        "invalid-parameter",
        "Invalid parameter",
        "Query parameter '" + name + "' " + message,
        List.of(new Problem.FieldError(name, "query", message)));
  }

  public static ApiException badPathParameter(String name, String message) {
    return new ApiException(
        400,
        "invalid-parameter",
        "Invalid parameter",
        "Path parameter '" + name + "' " + message,
        List.of(new Problem.FieldError(name, "path", message)));
  }

  /** The 422 for a body with field errors, listing every one; nothing when there are none. */
  public static void unlessValid(List<Problem.FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new ApiException(
          422,
          "validation-failed",
          "Validation failed",
          errors.size() + " field(s) are invalid",
          errors);
    }
  }

  /**
   * The 409 for a slug another item of the collection holds; {@code holder} names it, and a deleted
   * holder is said to be restorable, since its slug stays taken.
   */
  public static ApiException slugTaken(String noun, String slug, String holder, boolean deleted) {
    return new ApiException(
        409,
        "conflict",
        "Conflict",
        "Another " + noun + " has the slug '" + slug + "'",
        List.of(
            new Problem.FieldError(
                "slug",
                "body",
                "already belongs to "
                    + holder
                    + (deleted ? " (deleted; an admin can restore it)" : ""))));
  }

  public static ApiException notFound(String what) {
    return new ApiException(404, "not-found", "Not Found", what + " does not exist", List.of());
  }

  public int status() {
    return status;
  }

  public String typeSlug() {
    return typeSlug;
  }

  public String title() {
    return title;
  }

  public List<Problem.FieldError> errors() {
    return errors;
  }
}
