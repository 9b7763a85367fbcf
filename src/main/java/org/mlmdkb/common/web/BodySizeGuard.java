package org.mlmdkb.common.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.common.error.ProblemType;
import org.mlmdkb.common.error.RoutingProblems;

/**
 * A body announced larger than {@code quarkus.http.limits.max-body-size} gets a 413 problem before
 * Quarkus' body handler would answer a bare 413 with no body or content type.
 */
@ApplicationScoped
public class BodySizeGuard {

  private final long maxBodySize;

  public BodySizeGuard(
      @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
          MemorySize maxBodySize) {
    this.maxBodySize = maxBodySize.asLongValue();
  }

  void register(@Observes Filters filters) {
    filters.register(this::check, RequestLineGuard.PRIORITY - 1);
  }

  private void check(RoutingContext ctx) {
    String announced = ctx.request().getHeader("Content-Length");
    if (announced != null && exceeds(announced.strip())) {
      // The body is not read: close the connection rather than drain it.
      ctx.response().putHeader("Connection", "close");
      RoutingProblems.send(ctx, tooLarge(ctx, maxBodySize));
      return;
    }
    ctx.next();
  }

  private boolean exceeds(String announced) {
    if (!announced.matches("[0-9]{1,19}")) {
      return false; // Vert.x refuses a malformed Content-Length itself
    }
    return announced.length() > 18 || Long.parseLong(announced) > maxBodySize;
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
