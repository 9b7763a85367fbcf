package org.mlmdkb.common.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Answers requests that no route matched with a 404 problem instead of Vert.x's plain text. */
@ApplicationScoped
public class UnmatchedRouteHandler {

  private final ObjectMapper json;

  public UnmatchedRouteHandler(ObjectMapper json) {
    this.json = json;
  }

  void register(@Observes Router router) {
    router
        .route()
        .last()
        .handler(
            ctx -> {
              Problem problem =
                  Problems.forStatus(404, "No resource at this path", ctx.request().path());
              try {
                ctx.response()
                    .setStatusCode(404)
                    .putHeader("Content-Type", Problems.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
              } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                ctx.fail(e);
              }
            });
  }
}
