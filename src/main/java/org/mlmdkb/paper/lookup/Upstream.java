package org.mlmdkb.paper.lookup;

import io.quarkus.logging.Log;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.common.error.ProblemType;

/**
 * GETs documents from one bibliographic service and turns transport failures into problems a
 * curator can act on: unreachable → 503, anything else wrong with the answer → 502.
 */
final class Upstream {

  // Far above any Crossref work or arXiv entry; protects the heap from a misbehaving server.
  static final int MAX_BODY_BYTES = 5 * 1024 * 1024;

  /** An answer of the service: its status and (bounded) body. */
  record Answer(int status, byte[] body) {}

  private final String service;
  private final HttpClient client;
  private final Duration timeout;
  private final String userAgent;

  Upstream(String service, Duration timeout, Optional<String> mailto) {
    this.service = service;
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    // Crossref serves identified clients from its "polite" pool, and asks for a mailto to do so.
    this.userAgent =
        "mlmd-kb/1.0" + mailto.filter(m -> !m.isBlank()).map(m -> " (mailto:" + m + ")").orElse("");
  }

  String service() {
    return service;
  }

  String userAgent() {
    return userAgent;
  }

  Answer get(URI uri, String accept) {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Accept", accept)
            .header("User-Agent", userAgent)
            .GET()
            .build();
    try {
      HttpResponse<InputStream> response =
          client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
          throw error("answered with a body over " + MAX_BODY_BYTES + " bytes");
        }
        return new Answer(response.statusCode(), body);
      }
    } catch (IOException e) {
      if (unreachable(e)) {
        Log.warnf("%s unreachable: %s", service, e.toString());
        throw new UpstreamUnavailableException(service);
      }
      Log.warnf("%s answered unreadably: %s", service, e.toString());
      throw error("broke off its answer");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UpstreamUnavailableException(service);
    }
  }

  /** 502: the service answered, but not with something usable. */
  ApiException error(String what) {
    return new ApiException(ProblemType.UPSTREAM_ERROR, service + " " + what, List.of());
  }

  ApiException unexpectedStatus(int status) {
    Log.warnf("%s answered HTTP %d", service, status);
    return error("answered HTTP " + status);
  }

  /** 404: the service answered that it does not know the identifier. */
  ApiException notFound(PaperIdentifier id) {
    String message = "is not known to " + service;
    return new ApiException(
        ProblemType.IDENTIFIER_NOT_FOUND,
        "'" + id.value() + "' " + message,
        List.of(new Problem.FieldError(id.kind().field, "body", message)));
  }

  /** No connection, no name resolution, or no answer in time: nothing came back at all. */
  private static boolean unreachable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof HttpTimeoutException
          || t instanceof UnknownHostException
          || t instanceof NoRouteToHostException
          || t instanceof UnresolvedAddressException) {
        return true;
      }
    }
    return false;
  }
}
