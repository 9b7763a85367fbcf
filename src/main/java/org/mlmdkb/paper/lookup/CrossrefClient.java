package org.mlmdkb.paper.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.mlmdkb.common.config.KbConfig;
import org.mlmdkb.paper.PaperInput;

/** Fetches a DOI's metadata from the Crossref REST API ({@code GET /works/{doi}}). */
@ApplicationScoped
public class CrossrefClient {

  private final Upstream upstream;
  private final String baseUrl;
  private final ObjectMapper json;

  @Inject
  public CrossrefClient(KbConfig config, ObjectMapper json) {
    this(config.lookup(), json);
  }

  CrossrefClient(KbConfig.Lookup config, ObjectMapper json) {
    this.upstream = new Upstream("Crossref", config.timeout(), config.mailto());
    this.baseUrl = config.crossrefUrl().replaceFirst("/+$", "");
    this.json = json;
  }

  PaperInput fetch(PaperIdentifier doi) {
    Upstream.Answer answer =
        upstream.get(URI.create(baseUrl + "/works/" + pathOf(doi.value())), "application/json");
    if (answer.status() == 404) {
      throw upstream.notFound(doi);
    }
    if (answer.status() != 200) {
      throw upstream.unexpectedStatus(answer.status());
    }
    JsonNode work;
    try {
      work = json.readTree(answer.body()).path("message");
    } catch (IOException e) {
      throw upstream.error("answered with unreadable JSON");
    }
    if (!work.isObject()) {
      throw upstream.error("answered without a work");
    }
    return CrossrefWorks.toPaper(work, doi.value());
  }

  /** DOI suffixes may hold any printable character; the slashes stay, as Crossref expects. */
  private static String pathOf(String doi) {
    return URLEncoder.encode(doi, StandardCharsets.UTF_8).replace("%2F", "/").replace("+", "%20");
  }
}
