package org.mlmdkb.common.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * Writes problem+json straight onto a Vert.x response, for answers given before RESTEasy routes the
 * request (unmatched paths, over-long request lines, rate limits), where no exception mapper runs.
 */
public final class RoutingProblems {

  // Problem's properties are single words: a plain mapper gives the wire shape.
  private static final ObjectMapper JSON = new ObjectMapper();

  private RoutingProblems() {}

  /** Ends the exchange with {@code problem}; headers already put on the response are kept. */
  public static void send(RoutingContext ctx, Problem problem) {
    HttpServerResponse response = ctx.response();
    if (response.ended()) {
      return;
    }
    try {
      response
          .setStatusCode(problem.status())
          .putHeader("Content-Type", Problems.MEDIA_TYPE)
          .end(JSON.writeValueAsString(problem));
    } catch (JsonProcessingException e) {
      ctx.fail(e);
    }
  }

  /** A problem of {@code type} about this exchange, offending inputs named. */
  public static Problem problem(
      ProblemType type, String detail, RoutingContext ctx, List<Problem.FieldError> errors) {
    return Problems.problem(type, detail, instance(ctx), errors);
  }

  /** The raw path, cut short: an over-long path must not be echoed back whole. */
  public static String instance(RoutingContext ctx) {
    String path = ctx.request().path();
    if (path == null) {
      return null;
    }
    return path.length() <= 200 ? path : path.substring(0, 200) + "…";
  }
}
