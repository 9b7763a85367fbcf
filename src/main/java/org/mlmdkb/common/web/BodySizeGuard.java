package org.mlmdkb.common.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mlmdkb.common.config.KbConfig;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.common.error.ProblemType;
import org.mlmdkb.common.error.RoutingProblems;

/**
 * Bounds request bodies per route before anything reads them. Imports may send up to {@code
 * quarkus.http.limits.max-body-size} (40 MB: 100,000 result rows); every other route, anonymous
 * JSON endpoints included, at most {@code kb.limits.max-body-bytes} (2 MiB), so a client cannot
 * make the service buffer 40 MB to be refused by validation. A body announced larger gets a 413
 * problem (before Quarkus' body handler would answer a bare 413 with no body or content type); a
 * body sent without a length (chunked) outside the imports gets 411, since its size is unknown
 * until it has been buffered.
 */
@ApplicationScoped
public class BodySizeGuard {

  /** Where bodies up to the server-wide limit are taken. */
  static final String IMPORTS = "/api/v1/imports";

  private final long maxBodySize;
  private final long maxRouteBodySize;

  public BodySizeGuard(
      @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
          MemorySize maxBodySize,
      KbConfig config) {
    this.maxBodySize = maxBodySize.asLongValue();
    this.maxRouteBodySize = Math.min(config.limits().maxBodyBytes(), this.maxBodySize);
  }

  void register(@Observes Filters filters) {
    filters.register(this::check, RequestLineGuard.PRIORITY - 1);
  }

  private void check(RoutingContext ctx) {
    String path = ctx.normalizedPath();
    boolean importing = path.equals(IMPORTS) || path.startsWith(IMPORTS + "/");
    long limit = importing ? maxBodySize : maxRouteBodySize;
    String announced = ctx.request().getHeader("Content-Length");
    if (announced != null && exceeds(announced.strip(), limit)) {
      refuse(ctx, tooLarge(ctx, limit));
      return;
    }
    if (announced == null && !importing && chunked(ctx)) {
      refuse(ctx, lengthRequired(ctx, limit));
      return;
    }
    ctx.next();
  }

  /** The body is not read: close the connection rather than drain it. */
  private static void refuse(RoutingContext ctx, Problem problem) {
    ctx.response().putHeader("Connection", "close");
    RoutingProblems.send(ctx, problem);
  }

  private static boolean chunked(RoutingContext ctx) {
    String coding = ctx.request().getHeader("Transfer-Encoding");
    return coding != null && !coding.isBlank();
  }

  private static boolean exceeds(String announced, long limit) {
    if (!announced.matches("[0-9]{1,19}")) {
      return false; // Vert.x refuses a malformed Content-Length itself
    }
    return announced.length() > 18 || Long.parseLong(announced) > limit;
  }

  private static Problem lengthRequired(RoutingContext ctx, long limit) {
    return RoutingProblems.problem(
        ProblemType.LENGTH_REQUIRED,
        "A request body outside "
            + IMPORTS
            + " must announce its size in Content-Length (at most "
            + limit
            + " bytes)",
        ctx,
        List.of(new Problem.FieldError("Content-Length", "header", "is missing")));
  }

  static Problem tooLarge(RoutingContext ctx, long limit) {
    return RoutingProblems.problem(
        ProblemType.BODY_TOO_LARGE,
        "A request body may hold at most " + limit + " bytes",
        ctx,
        List.of(new Problem.FieldError("body", "body", "is larger than " + limit + " bytes")));
  }

  long maxBodySize() {
    return maxBodySize;
  }
}
