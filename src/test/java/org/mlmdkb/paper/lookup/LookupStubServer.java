package org.mlmdkb.paper.lookup;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A local WireMock server standing in for Crossref and arXiv (these machines have no internet). It
 * sets only kb.lookup.* keys, so it may apply to every test of the run without restarts.
 */
public class LookupStubServer implements QuarkusTestResourceLifecycleManager {

  static final String MAILTO = "curators@example.org";

  private WireMockServer server;

  @Override
  public Map<String, String> start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    return Map.of(
        "kb.lookup.crossref-url",
        server.baseUrl() + "/crossref",
        "kb.lookup.arxiv-url",
        server.baseUrl() + "/arxiv",
        // Short, so the test of a silent upstream does not wait long; ample for a local stub.
        "kb.lookup.timeout",
        "5s",
        "kb.lookup.mailto",
        MAILTO);
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop();
    }
  }
}
