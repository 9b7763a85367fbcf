package org.mlmdkb.common.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.mlmdkb.common.config.KbConfig;
import org.mlmdkb.common.error.ProblemType;
import org.mlmdkb.common.error.RoutingProblems;

/**
 * The operator's optional limit on anonymous reads: at most {@code
 * kb.limits.anonymous-reads-per-minute} GET/HEAD requests under {@code /api/} without an
 * Authorization header per client address and minute (fixed windows), 429 with Retry-After beyond.
 * Off (0) by default. Each service instance counts on its own.
 */
@ApplicationScoped
public class AnonymousReadLimiter {

  private final int perMinute;
  private final ClientWindows reads = new ClientWindows(60_000);

  public AnonymousReadLimiter(KbConfig config) {
    this.perMinute = config.limits().anonymousReadsPerMinute();
  }

  void register(@Observes Filters filters) {
    if (perMinute > 0) {
      filters.register(this::limit, RequestLineGuard.PRIORITY - 3);
    }
  }

  private void limit(RoutingContext ctx) {
    HttpMethod method = ctx.request().method();
    String path = ctx.request().path();
    if (method != HttpMethod.GET && method != HttpMethod.HEAD
        || path == null
        || !path.startsWith("/api/")
        || ctx.request().getHeader("Authorization") != null) {
      ctx.next();
      return;
    }
    SocketAddress remote = ctx.request().remoteAddress();
    String address =
        remote == null || remote.hostAddress() == null ? "unknown" : remote.hostAddress();
    long now = System.currentTimeMillis();
    if (reads.add(address, now) <= perMinute) {
      ctx.next();
      return;
    }
    long wait = reads.secondsLeft(address, now);
    ctx.response().putHeader("Retry-After", Long.toString(wait));
    RoutingProblems.send(
        ctx,
        RoutingProblems.problem(
            ProblemType.TOO_MANY_REQUESTS,
            "At most "
                + perMinute
                + " anonymous reads a minute per client address; retry after "
                + wait
                + " s, or read with an API key",
            ctx,
            List.of()));
  }
}
