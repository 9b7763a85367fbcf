package org.mlmdkb.common.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.mlmdkb.common.error.AllowedMethods;
import org.mlmdkb.common.error.Problems;
import org.mlmdkb.common.error.RoutingProblems;

/**
 * Answers a plain {@code OPTIONS} (CORS preflights are answered by the CORS filter before this
 * runs) with the methods the contract lists for the path. RESTEasy's own answer unions every method
 * of the resource class, so it advertised PUT and DELETE on history and HEAD where HEAD is a 405.
 */
@ApplicationScoped
public class OptionsResponder {

  private final AllowedMethods allowedMethods;

  public OptionsResponder(AllowedMethods allowedMethods) {
    this.allowedMethods = allowedMethods;
  }

  void register(@Observes Filters filters) {
    filters.register(this::answer, RequestLineGuard.PRIORITY - 2);
  }

  private void answer(RoutingContext ctx) {
    String path = ctx.request().path();
    if (ctx.request().method() != HttpMethod.OPTIONS || path == null || !path.startsWith("/api/")) {
      ctx.next();
      return;
    }
    Optional<String> allow = allowedMethods.allowHeader(path);
    if (allow.isEmpty()) {
      RoutingProblems.send(
          ctx, Problems.forStatus(404, "No resource at this path", RoutingProblems.instance(ctx)));
      return;
    }
    ctx.response().setStatusCode(204).putHeader("Allow", allow.get() + ", OPTIONS").end();
  }
}
