package org.mlmdkb.search.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The running service over HTTP: {@code /api/v1/search?type=paper} or {@code /api/v1/papers?q=}.
 * Paper ids are mapped back to seed keys through the paper's recorded sources ({@code GET
 * /api/v1/papers/{id}}, once per id), falling back to DOI, arXiv id and title.
 */
public final class ServiceSearch implements PaperSearch {

  /** Which list answers the query. */
  public enum Endpoint {
    SEARCH("/api/v1/search?type=paper&limit=10&q="),
    PAPERS("/api/v1/papers?limit=10&q=");

    private final String pathAndQuery;

    Endpoint(String pathAndQuery) {
      this.pathAndQuery = pathAndQuery;
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, Optional<String>> keyById = new HashMap<>();
  private final String baseUrl;
  private final Endpoint endpoint;
  private final SeedCorpus corpus;
  private final String mode;

  public ServiceSearch(String baseUrl, Endpoint endpoint, SeedCorpus corpus) {
    this(baseUrl, endpoint, corpus, null);
  }

  /** {@code mode}: keyword, semantic or hybrid; null leaves the service's default. */
  public ServiceSearch(String baseUrl, Endpoint endpoint, SeedCorpus corpus, String mode) {
    this.baseUrl = baseUrl.replaceAll("/+$", "");
    this.endpoint = endpoint;
    this.corpus = corpus;
    this.mode = mode;
  }

  @Override
  public List<String> topKeys(String query) {
    JsonNode page;
    try {
      page =
          get(
              endpoint.pathAndQuery
                  + URLEncoder.encode(query, StandardCharsets.UTF_8)
                  + (mode == null ? "" : "&mode=" + mode),
              query);
    } catch (IllegalStateException e) {
      // A refused or failed query answers no paper, and is scored so; say why on stderr.
      System.err.println("query failed, scored as no answer: " + e.getMessage());
      return List.of();
    }
    List<String> keys = new ArrayList<>();
    for (JsonNode item : page.path("items")) {
      String id = item.path("id").asText();
      keys.add(keyById.computeIfAbsent(id, this::seedKeyOf).orElse(null));
    }
    return keys;
  }

  private Optional<String> seedKeyOf(String paperId) {
    JsonNode paper = get("/api/v1/papers/" + paperId, paperId);
    for (JsonNode source : paper.path("sources")) {
      Optional<SeedCorpus.SeedPaper> seed = corpus.bySourceKey(source.path("key").asText());
      if (seed.isPresent()) {
        return Optional.of(seed.get().key());
      }
    }
    return corpus
        .match(text(paper, "doi"), text(paper, "arxiv_id"), text(paper, "title"))
        .map(SeedCorpus.SeedPaper::key);
  }

  private JsonNode get(String pathAndQuery, String what) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json")
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "HTTP " + response.statusCode() + " for " + what + ": " + response.body());
      }
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach " + baseUrl, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() ? value.asText() : null;
  }
}
