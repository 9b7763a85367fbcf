package org.mlmdkb.common.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.logging.Log;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps every failure to problem+json; no stack trace or class name ever reaches a client. */
public class ProblemMapper {

  private static final OutageLog OUTAGES = new OutageLog(OutageLog.INTERVAL);

  private final AllowedMethods allowedMethods;

  public ProblemMapper(AllowedMethods allowedMethods) {
    this.allowedMethods = allowedMethods;
  }

  @ServerExceptionMapper
  public Response api(ApiException e, UriInfo uri) {
    return Problems.response(
        Problems.problem(e.type(), e.status(), e.getMessage(), path(uri), e.errors()));
  }

  @ServerExceptionMapper
  public Response retryLater(RetryLaterException e, UriInfo uri) {
    return Response.fromResponse(api(e, uri))
        .header("Retry-After", Long.toString(e.retryAfterSeconds()))
        .build();
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e, UriInfo uri) {
    if (e.getCause() instanceof JsonProcessingException json) {
      // The JSON reader wraps parse errors in a bare 400; say what is wrong with the body.
      return unreadableJson(json, uri);
    }
    int status = e.getResponse().getStatus();
    String detail =
        switch (status) {
          case 404 -> "No resource at this path";
          case 405 -> "This method is not allowed on this resource";
          case 406 -> "None of the accepted media types can be produced";
          case 415 -> "The request's Content-Type is not supported here";
          default -> status >= 500 ? "The request could not be processed" : e.getMessage();
        };
    if (status >= 500) {
      Log.error("Request failed", e);
    }
    Problem problem = Problems.forStatus(status, detail, path(uri));
    Response.ResponseBuilder builder =
        Response.status(status).type(Problems.MEDIA_TYPE).entity(problem);
    // Keep protocol headers such as Allow on a 405.
    e.getResponse()
        .getHeaders()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(v -> builder.header(name, v));
              }
            });
    if (status == 405 && !e.getResponse().getHeaders().containsKey("Allow")) {
      allowedMethods.allowHeader(uri.getPath()).ifPresent(allow -> builder.header("Allow", allow));
    }
    return builder.build();
  }

  @ServerExceptionMapper
  public Response invalid(ConstraintViolationException e, UriInfo uri) {
    List<Problem.FieldError> errors =
        e.getConstraintViolations().stream()
            .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
            .map(ProblemMapper::toFieldError)
            .toList();
    String detail =
        errors.stream().map(f -> f.name() + ": " + f.message()).collect(Collectors.joining("; "));
    return Problems.response(
        Problems.problem(ProblemType.VALIDATION_FAILED, 400, detail, path(uri), errors));
  }

  /**
   * Quarkus ships its own mapper for this subtype (a plain JSON body); the most specific mapper
   * wins, so ours must name the subtype too.
   */
  @ServerExceptionMapper
  public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
    return unreadableJson(e, uri);
  }

  @ServerExceptionMapper
  public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
    String field = e instanceof JsonMappingException m ? pathOf(m) : "";
    String message =
        e instanceof UnrecognizedPropertyException u
            ? "unknown property '" + u.getPropertyName() + "'"
            : e instanceof InvalidFormatException f && f.getTargetType() == String.class
                ? org.mlmdkb.common.web.StrictJson.UNSTORABLE
                : e instanceof JsonMappingException
                    ? "has the wrong type or shape"
                    : "is not valid JSON";
    String name = field.isEmpty() ? "body" : field;
    return Problems.response(
        Problems.problem(
            ProblemType.MALFORMED_BODY,
            "The request body " + (field.isEmpty() ? message : "field '" + field + "' " + message),
            path(uri),
            List.of(new Problem.FieldError(name, "body", message))));
  }

  @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
  public Response unexpected(Throwable e, UriInfo uri) {
    Optional<String> outage = DatabaseUnavailable.kindOf(e);
    if (outage.isPresent()) {
      return databaseUnavailable(outage.get(), uri);
    }
    // Writes outside a retrying transaction boundary can still meet these SQLSTATEs.
    if (SqlStates.conflict(e).isPresent()) {
      return api(SqlStates.conflict(e).get(), uri);
    }
    if (SqlStates.isTransient(e)) {
      return retryLater(SqlStates.busy(), uri);
    }
    Log.error("Unexpected failure", e);
    return Problems.response(
        Problems.forStatus(500, "An unexpected error occurred; it has been logged", path(uri)));
  }

  /** An outage is not the client's fault and passes: 503 with a hint when to come back. */
  private static Response databaseUnavailable(String kind, UriInfo uri) {
    OUTAGES.record(kind);
    Problem problem =
        Problems.problem(
            ProblemType.DATABASE_UNAVAILABLE,
            "The database cannot be reached at the moment; retry in "
                + DatabaseUnavailable.RETRY_AFTER_SECONDS
                + " seconds",
            path(uri),
            List.of());
    return Response.status(503)
        .type(Problems.MEDIA_TYPE)
        .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS)
        .entity(problem)
        .build();
  }

  private static Problem.FieldError toFieldError(ConstraintViolation<?> v) {
    String path = v.getPropertyPath().toString();
    // Resource-method violations look like "list.limit": the client knows only "limit".
    String name = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
    return new Problem.FieldError(name, "query", v.getMessage());
  }

  private static String pathOf(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."));
  }

  private static String path(UriInfo uri) {
    return uri == null ? null : uri.getRequestUri().getRawPath();
  }
}
