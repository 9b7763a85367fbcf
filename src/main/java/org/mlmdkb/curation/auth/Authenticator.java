package org.mlmdkb.curation.auth;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks the key in an {@code Authorization} header for every caller (the write filter, draft and
 * history reads), so that every wrong key counts towards {@link FailedAuthLimiter}.
 */
@ApplicationScoped
public class Authenticator {

  private final ApiKeyService keys;
  private final FailedAuthLimiter limiter;
  private final CurrentVertxRequest request;

  public Authenticator(ApiKeyService keys, FailedAuthLimiter limiter, CurrentVertxRequest request) {
    this.keys = keys;
    this.limiter = limiter;
    this.request = request;
  }

  /**
   * The active key the header presents; empty when there is no usable bearer key (absent header,
   * other scheme) or the key is wrong, the latter counted against the client address. 429 while the
   * address is blocked.
   */
  public Optional<ApiKeyRepository.KeyRow> authenticate(String authorization) throws SQLException {
    String token = bearerToken(authorization);
    if (token == null) {
      return Optional.empty();
    }
    String address = clientAddress();
    limiter.checkNotBlocked(address);
    Optional<ApiKeyRepository.KeyRow> key = keys.authenticate(token);
    if (key.isEmpty()) {
      HttpServerRequest http = request.getCurrent().request();
      limiter.recordFailure(address, http.method().name(), http.path());
    }
    return key;
  }

  /** The peer address, or the forwarded client's when proxy forwarding is configured. */
  private String clientAddress() {
    SocketAddress remote = request.getCurrent().request().remoteAddress();
    return remote == null || remote.hostAddress() == null ? "unknown" : remote.hostAddress();
  }

  static String bearerToken(String authorization) {
    if (authorization == null) {
      return null;
    }
    List<String> parts = List.of(authorization.strip().split("\\s+", 2));
    if (parts.size() != 2 || !parts.get(0).toLowerCase(Locale.ROOT).equals("bearer")) {
      return null;
    }
    return parts.get(1);
  }
}
