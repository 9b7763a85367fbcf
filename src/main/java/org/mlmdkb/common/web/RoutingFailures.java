package org.mlmdkb.common.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.mlmdkb.common.error.Problems;
import org.mlmdkb.common.error.RoutingProblems;

/**
 * Gives the failures Vert.x raises itself (an unreadable request target, a streamed body over the
 * size limit) a problem body: by default they end with a status line and nothing else.
 */
@ApplicationScoped
public class RoutingFailures {

  private final BodySizeGuard bodySize;

  public RoutingFailures(BodySizeGuard bodySize) {
    this.bodySize = bodySize;
  }

  void register(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    // A target Vert.x cannot decode matches no route, not even the catch-all failure route above.
    router.errorHandler(400, this::handle);
    router.errorHandler(413, this::handle);
  }

  private void handle(RoutingContext ctx) {
    if (ctx.response().ended()) {
      return;
    }
    switch (ctx.statusCode()) {
      case 400 ->
          RoutingProblems.send(
              ctx,
              RequestLineGuard.malformedTarget(ctx)
                  .orElseGet(
                      () ->
                          Problems.forStatus(
                              400,
                              "The request could not be read",
                              RoutingProblems.instance(ctx))));
      case 413 -> RoutingProblems.send(ctx, BodySizeGuard.tooLarge(ctx, bodySize.maxBodySize()));
      default -> ctx.next();
    }
  }
}
