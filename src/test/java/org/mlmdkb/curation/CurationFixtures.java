package org.mlmdkb.curation;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * Keys, throw-away papers ({@code createPaper} gives each a unique DOI) and the 201-checking POST
 * that every collection's fixtures use.
 */
public final class CurationFixtures {

  /** The %test profile's kb.admin-key. */
  public static final String ADMIN_KEY = "test-admin-key-0123456789";

  private CurationFixtures() {}

  public static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  public static String newKey(String role) {
    return given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .contentType(ContentType.JSON)
        .body(Map.of("name", role + "-" + unique(), "role", role))
        .when()
        .post("/api/v1/api-keys")
        .then()
        .statusCode(201)
        .extract()
        .path("key");
  }

  /** POSTs a CSV body to the import endpoint with the given key. */
  public static ValidatableResponse importCsv(String key, String csv) {
    return importCsv(key, csv, Map.of());
  }

  /** POSTs a CSV body to the import endpoint with the given key and query parameters. */
  public static ValidatableResponse importCsv(String key, String csv, Map<String, ?> query) {
    return given()
        .header("Authorization", "Bearer " + key)
        .contentType("text/csv; charset=UTF-8")
        .queryParams(query)
        .body(csv.getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/imports")
        .then();
  }

  /** POSTs {@code body} to a collection's {@code path} with {@code key}; checks the 201. */
  public static ExtractableResponse<Response> created(String key, String path, Object body) {
    return given()
        .header("Authorization", "Bearer " + key)
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post(path)
        .then()
        .statusCode(201)
        .extract();
  }

  /** POSTs a new paper's body as the admin; returns its id after checking the 201. */
  public static int createdPaperId(Map<String, ?> body) {
    return created(ADMIN_KEY, "/api/v1/papers", body).path("id");
  }

  /** Creates a paper with the given key; returns the 201 response. */
  public static ExtractableResponse<Response> createPaper(String key, String title) {
    return createPaper(key, title, java.util.List.of());
  }

  /** Creates a paper with these tags (slugs of live tags); returns the 201 response. */
  public static ExtractableResponse<Response> createPaper(
      String key, String title, java.util.List<String> tags) {
    return created(
        key,
        "/api/v1/papers",
        Map.of(
            "entry_type",
            "article",
            "title",
            title,
            "year",
            2024,
            "venue",
            "Journal of Tests",
            "doi",
            "10.5555/test-" + unique(),
            "authors",
            java.util.List.of("Ada Lovelace", "Alan Turing"),
            "tags",
            tags));
  }

  /**
   * A valid 3BPA force MAE on the given split, so a test can give it a leaderboard of its own;
   * provenance is a repository and path unless the caller puts a paper in.
   */
  public static java.util.Map<String, Object> resultBody(String split) {
    java.util.Map<String, Object> body = new java.util.HashMap<>();
    body.put("method", "painn");
    body.put("dataset", "3bpa");
    body.put("subset", "test-600k");
    body.put("task", "energy-forces");
    body.put("target", "forces");
    body.put("metric", "MAE");
    body.put("value", 1.0);
    body.put("unit", "kcal/mol/A");
    body.put("basis", "per-atom");
    body.put("split", split);
    body.put("n_train", 500);
    body.put("reported_on", "2020-01-01");
    body.put("repository", "https://github.com/example/benchmarks");
    body.put("path", "results/3bpa.csv");
    body.put("location", "row 7");
    return body;
  }

  /** Soft-deletes an item with the admin key and the ETag of {@code created}; expects 204. */
  public static void deleteAsAdmin(String path, ExtractableResponse<Response> created) {
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .header("If-Match", created.header("ETag"))
        .when()
        .delete(path)
        .then()
        .statusCode(204);
  }

  /**
   * Sends one JSON Merge Patch per entry of {@code patches} at once, all with the same {@code
   * If-Match}, and answers their statuses, sorted: the lost-update check of every collection.
   */
  public static java.util.List<Integer> concurrentPatchStatuses(
      String key, String path, String etag, java.util.List<java.util.Map<String, ?>> patches)
      throws Exception {
    java.util.List<java.util.concurrent.Callable<Integer>> clients = new java.util.ArrayList<>();
    for (java.util.Map<String, ?> patch : patches) {
      clients.add(
          () ->
              given()
                  .header("Authorization", "Bearer " + key)
                  .header("If-Match", etag)
                  .contentType("application/merge-patch+json")
                  .body(patch)
                  .when()
                  .patch(path)
                  .then()
                  .extract()
                  .statusCode());
    }
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(patches.size());
    java.util.List<Integer> statuses = new java.util.ArrayList<>();
    try {
      for (java.util.concurrent.Future<Integer> f : pool.invokeAll(clients)) {
        statuses.add(f.get());
      }
    } finally {
      pool.shutdown();
    }
    return statuses.stream().sorted().toList();
  }
}
