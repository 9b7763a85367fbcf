package org.mlmdkb.paper.lookup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.mlmdkb.common.config.KbConfig;
import org.mlmdkb.paper.PaperInput;

/** Fetches an arXiv id's metadata from the arXiv API ({@code GET /query?id_list={id}}). */
@ApplicationScoped
public class ArxivClient {

  private final Upstream upstream;
  private final String baseUrl;

  @Inject
  public ArxivClient(KbConfig config) {
    this(config.lookup());
  }

  ArxivClient(KbConfig.Lookup config) {
    this.upstream = new Upstream("arXiv", config.timeout(), config.mailto());
    this.baseUrl = config.arxivUrl().replaceFirst("/+$", "");
  }

  PaperInput fetch(PaperIdentifier arxivId) {
    String id = arxivId.value();
    Upstream.Answer answer =
        upstream.get(
            URI.create(
                baseUrl
                    + "/query?id_list="
                    + URLEncoder.encode(id, StandardCharsets.UTF_8)
                    + "&max_results=1"),
            "application/atom+xml");
    // arXiv answers an id it cannot read with 400 and an error entry: no such paper either.
    if (answer.status() == 404) {
      throw upstream.notFound(arxivId);
    }
    if (answer.status() != 200 && answer.status() != 400) {
      throw upstream.unexpectedStatus(answer.status());
    }
    try {
      return ArxivFeeds.entryFor(id, answer.body()).orElseThrow(() -> upstream.notFound(arxivId));
    } catch (ArxivFeeds.UnreadableFeedException e) {
      throw upstream.error("answered with a feed that " + e.getMessage());
    }
  }
}
