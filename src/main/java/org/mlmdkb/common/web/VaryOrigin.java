package org.mlmdkb.common.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Adds {@code Vary: Origin} wherever the CORS filter echoed the caller's origin: without it a
 * shared cache may serve one origin's CORS answer to another.
 */
@ApplicationScoped
public class VaryOrigin {

  /** Above CORS (300), so that the hook is in place before CORS answers a preflight. */
  private static final int PRIORITY = 310;

  void register(@Observes Filters filters) {
    filters.register(this::hook, PRIORITY);
  }

  private void hook(RoutingContext ctx) {
    if (ctx.request().getHeader("Origin") != null) {
      HttpServerResponse response = ctx.response();
      ctx.addHeadersEndHandler(
          v -> {
            String allowed = response.headers().get("Access-Control-Allow-Origin");
            if (allowed != null && !allowed.equals("*")) {
              response.headers().add("Vary", "Origin");
            }
          });
    }
    ctx.next();
  }
}
