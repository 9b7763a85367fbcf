package org.mlmdkb.common.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The API's entry point: what this service is and where its collections live. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class RootResource {

  /** Collections a client can start from, in the order a frontend would show them. */
  static final List<String> COLLECTIONS =
      List.of(
          "articles",
          "papers",
          "methods",
          "datasets",
          "results",
          "leaderboards",
          "metrics",
          "tags",
          "sources",
          "stats");

  private final String name;
  private final String version;
  private final SearchSummary search;

  public RootResource(
      @ConfigProperty(name = "quarkus.application.name") String name,
      @ConfigProperty(name = "quarkus.application.version") String version,
      SearchSummary search) {
    this.name = name;
    this.version = version;
    this.search = search;
  }

  @GET
  public ServiceInfo root() {
    Map<String, String> links = new LinkedHashMap<>();
    links.put("self", "/api/v1");
    COLLECTIONS.forEach(c -> links.put(c, "/api/v1/" + c));
    links.put("openapi", "/q/openapi");
    links.put("docs", "/q/swagger-ui");
    links.put("health", "/q/health");
    return new ServiceInfo(
        name,
        version,
        "Knowledge base on machine learning in molecular dynamics: articles, papers, methods,"
            + " datasets and benchmark results",
        links,
        search.summary());
  }

  /** Body of {@code GET /api/v1}. */
  public record ServiceInfo(
      String name, String version, String description, Map<String, String> links, Object search) {}
}
