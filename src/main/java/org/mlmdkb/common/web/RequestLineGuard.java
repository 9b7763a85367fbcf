package org.mlmdkb.common.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.common.error.ProblemType;
import org.mlmdkb.common.error.RoutingProblems;
import org.mlmdkb.common.query.QueryParams;

/**
 * Refuses request lines that must not reach routing, on the event loop and in constant time per
 * character: a path longer than {@link #MAX_PATH_LENGTH} (414), and a malformed percent-escape in
 * the path or query (400 naming where). Path matching with a template regex costs time growing with
 * the square of the path length, so a 60,000-character path once held an event loop for seconds;
 * the query stays allowed up to the HTTP line limit, so an absurd {@code q} still gets its own 400
 * naming the parameter.
 */
@ApplicationScoped
public class RequestLineGuard {

  /**
   * Longest raw path accepted: far above any real path (the longest DOI in the corpus, even fully
   * percent-encoded, stays below 400 characters) and cheap to match.
   */
  public static final int MAX_PATH_LENGTH = 2048;

  /** Just below CORS (300), so that refusals still carry the CORS headers a browser needs. */
  static final int PRIORITY = 290;

  private static final Pattern BROKEN_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

  void register(@Observes Filters filters) {
    filters.register(this::check, PRIORITY);
  }

  private void check(RoutingContext ctx) {
    String path = rawPath(ctx.request().uri());
    if (path.length() > MAX_PATH_LENGTH) {
      RoutingProblems.send(
          ctx,
          RoutingProblems.problem(
              ProblemType.URI_TOO_LONG,
              "The path has "
                  + path.length()
                  + " characters; at most "
                  + MAX_PATH_LENGTH
                  + " are accepted",
              ctx,
              List.of(
                  new Problem.FieldError("path", "path", "is longer than " + MAX_PATH_LENGTH))));
      return;
    }
    Optional<Problem> malformed = malformedTarget(ctx);
    if (malformed.isPresent()) {
      RoutingProblems.send(ctx, malformed.get());
      return;
    }
    ctx.next();
  }

  /**
   * The 400 for a malformed percent-escape in the path or query, if there is one. Vert.x refuses
   * some of them (a bad path) before any filter runs; {@link RoutingFailures} asks here too.
   */
  static Optional<Problem> malformedTarget(RoutingContext ctx) {
    String path = rawPath(ctx.request().uri());
    if (BROKEN_ESCAPE.matcher(path).find()) {
      return Optional.of(
          escapeProblem(
              ctx, new Problem.FieldError("path", "path", "has a malformed percent-escape")));
    }
    String query = ctx.request().query();
    if (query != null && BROKEN_ESCAPE.matcher(query).find()) {
      return Optional.of(escapeProblem(ctx, brokenParameter(query)));
    }
    try {
      new URI(ctx.request().uri());
    } catch (URISyntaxException e) {
      // The check Quarkus makes itself (switched off in KbMain, since it answers with no body).
      return Optional.of(
          RoutingProblems.problem(
              ProblemType.MALFORMED_URI,
              "The request target is not a valid URI: " + QueryParams.shorten(e.getReason()),
              ctx,
              List.of(new Problem.FieldError("uri", "path", "is not a valid URI"))));
    }
    return Optional.empty();
  }

  private static Problem escapeProblem(RoutingContext ctx, Problem.FieldError error) {
    return RoutingProblems.problem(
        ProblemType.MALFORMED_ESCAPE,
        "A '%' must be followed by two hexadecimal digits ("
            + error.in()
            + " "
            + error.name()
            + ")",
        ctx,
        List.of(error));
  }

  /** Names the first query parameter whose raw name or value holds the broken escape. */
  private static Problem.FieldError brokenParameter(String query) {
    for (String pair : query.split("&")) {
      if (BROKEN_ESCAPE.matcher(pair).find()) {
        String name =
            QueryParams.shorten(pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair);
        boolean nameIsBroken = BROKEN_ESCAPE.matcher(name).find();
        return new Problem.FieldError(
            nameIsBroken ? "query" : name,
            "query",
            nameIsBroken
                ? "a parameter name has a malformed percent-escape"
                : "has a malformed percent-escape");
      }
    }
    return new Problem.FieldError("query", "query", "has a malformed percent-escape");
  }

  /** The path part of the request target as sent, before any decoding. */
  private static String rawPath(String uri) {
    int end = uri.length();
    int question = uri.indexOf('?');
    if (question >= 0) {
      end = question;
    }
    int hash = uri.indexOf('#');
    if (hash >= 0 && hash < end) {
      end = hash;
    }
    return uri.substring(0, end);
  }
}
