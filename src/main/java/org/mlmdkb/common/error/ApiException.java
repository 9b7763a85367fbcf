package org.mlmdkb.common.error;

import java.util.List;

/** A failure the client can act on; mapped to problem+json by {@link ProblemMapper}. */
public class ApiException extends RuntimeException {

  private final ProblemType type;
  private final int status;
  private final List<Problem.FieldError> errors;

  /** A problem of {@code type} with its usual status. */
  public ApiException(ProblemType type, String detail, List<Problem.FieldError> errors) {
    this(type, type.status(), detail, errors);
  }

  /** A problem of {@code type} with another of its statuses. */
  public ApiException(
      ProblemType type, int status, String detail, List<Problem.FieldError> errors) {
    super(detail);
    if (!type.statuses().contains(status)) {
      throw new IllegalArgumentException(type + " never comes with status " + status);
    }
    this.type = type;
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  public static ApiException badParameter(String name, String message) {
    return new ApiException(
        ProblemType.INVALID_PARAMETER,
        "Query parameter '" + name + "' " + message,
        List.of(new Problem.FieldError(name, "query", message)));
  }

  public static ApiException badPathParameter(String name, String message) {
    return new ApiException(
        ProblemType.INVALID_PARAMETER,
        "Path parameter '" + name + "' " + message,
        List.of(new Problem.FieldError(name, "path", message)));
  }

  /** The 422 for a body with field errors, listing every one; nothing when there are none. */
  public static void unlessValid(List<Problem.FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new ApiException(
          ProblemType.VALIDATION_FAILED, errors.size() + " field(s) are invalid", errors);
    }
  }

  /**
   * The 409 for a slug another item of the collection holds; {@code holder} names it, and a deleted
   * holder is said to be restorable, since its slug stays taken.
   */
  public static ApiException slugTaken(String noun, String slug, String holder, boolean deleted) {
    return new ApiException(
        ProblemType.CONFLICT,
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
    return new ApiException(ProblemType.NOT_FOUND, what + " does not exist", List.of());
  }

  public int status() {
    return status;
  }

  public ProblemType type() {
    return type;
  }

  public List<Problem.FieldError> errors() {
    return errors;
  }
}
