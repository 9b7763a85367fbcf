package org.mlmdkb.dataset;

import static io.restassured.RestAssured.given;
import static org.mlmdkb.curation.CurationFixtures.unique;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mlmdkb.curation.CurationFixtures;

/** Throw-away datasets for curation tests; every one gets a unique slug and name. */
final class DatasetFixtures {

  private DatasetFixtures() {}

  /** A valid body: two subsets at 300 K and 600 K, no paper. */
  static Map<String, Object> body() {
    String suffix = unique();
    Map<String, Object> body = new HashMap<>();
    body.put("slug", "test-set-" + suffix);
    body.put("name", "Test set " + suffix);
    body.put("aliases", List.of("TS-" + suffix));
    body.put("description", "A throw-away dataset for tests.");
    body.put("domain", "small-molecules");
    body.put("level_of_theory", "DFT (PBE)");
    body.put("n_structures", 1000);
    body.put("licence", "CC-BY-4.0");
    body.put("url", "https://example.org/test-set");
    body.put(
        "subsets",
        List.of(
            Map.of("slug", "hot", "name", "600 K", "temperature_k", 600),
            Map.of("slug", "cold", "name", "300 K", "temperature_k", 300)));
    return body;
  }

  static ExtractableResponse<Response> create(String key, Map<String, Object> body) {
    return CurationFixtures.created(key, "/api/v1/datasets", body);
  }

  /** A benchmark result on the dataset's subset, with repository provenance; returns its id. */
  static int createResult(String key, String dataset, String subset) {
    Map<String, Object> body = new HashMap<>();
    body.put("method", "painn");
    body.put("dataset", dataset);
    body.put("subset", subset);
    body.put("task", "energy-forces");
    body.put("target", "forces");
    body.put("metric", "MAE");
    body.put("value", 1.0);
    body.put("unit", "meV/Å");
    body.put("basis", "per-atom");
    body.put("repository", "https://github.com/example/benchmarks");
    body.put("path", "results/test.csv");
    return given()
        .header("Authorization", "Bearer " + key)
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/api/v1/results")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static String etag(String slug) {
    return given()
        .when()
        .get("/api/v1/datasets/" + slug)
        .then()
        .statusCode(200)
        .extract()
        .header("ETag");
  }
}
