package org.mlmdkb.paper.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mlmdkb.common.config.KbConfig;
import org.mlmdkb.common.error.ProblemType;

/** The clients against nothing listening: 503 with Retry-After, never a 500. */
class UnreachableUpstreamTest {

  record Lookup(String crossrefUrl, String arxivUrl, Duration timeout, Optional<String> mailto)
      implements KbConfig.Lookup {}

  private static String closedPort;

  @BeforeAll
  static void findAClosedPort() throws IOException {
    // A port the system just handed out and that is closed again: nothing listens there.
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = "http://127.0.0.1:" + socket.getLocalPort();
    }
  }

  private static Lookup at(String url) {
    return new Lookup(url, url, Duration.ofSeconds(10), Optional.empty());
  }

  @Test
  void crossrefOnAClosedPortIsUpstreamUnavailable() {
    CrossrefClient crossref = new CrossrefClient(at(closedPort), new ObjectMapper());
    UpstreamUnavailableException e =
        assertThrows(
            UpstreamUnavailableException.class,
            () ->
                crossref.fetch(new PaperIdentifier(PaperIdentifier.Kind.DOI, "10.5555/fixture-1")));
    assertEquals(503, e.status());
    assertEquals(ProblemType.UPSTREAM_UNAVAILABLE, e.type());
    assertEquals(60, e.retryAfterSeconds());
  }

  @Test
  void arxivOnAClosedPortIsUpstreamUnavailable() {
    ArxivClient arxiv = new ArxivClient(at(closedPort));
    assertThrows(
        UpstreamUnavailableException.class,
        () -> arxiv.fetch(new PaperIdentifier(PaperIdentifier.Kind.ARXIV, "0001.12345")));
  }

  @Test
  void aHostThatDoesNotResolveIsUpstreamUnavailable() {
    // .invalid is reserved (RFC 2606): it never resolves.
    CrossrefClient crossref = new CrossrefClient(at("http://crossref.invalid"), new ObjectMapper());
    assertThrows(
        UpstreamUnavailableException.class,
        () -> crossref.fetch(new PaperIdentifier(PaperIdentifier.Kind.DOI, "10.5555/fixture-1")));
  }

  @Test
  void theUserAgentCarriesTheMailtoOnlyWhenConfigured() {
    assertEquals(
        "mlmd-kb/1.0 (mailto:curators@example.org)",
        new Upstream("Crossref", Duration.ofSeconds(1), Optional.of("curators@example.org"))
            .userAgent());
    assertEquals(
        "mlmd-kb/1.0",
        new Upstream("Crossref", Duration.ofSeconds(1), Optional.empty()).userAgent());
  }
}
