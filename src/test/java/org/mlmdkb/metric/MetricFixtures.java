package org.mlmdkb.metric;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import org.mlmdkb.curation.CurationFixtures;

/** Registering test metrics, each under a name of its own. */
final class MetricFixtures {

  /** Numbers read back as BigDecimal, so canonical values compare exactly. */
  static final io.restassured.config.RestAssuredConfig DECIMALS =
      io.restassured.RestAssured.config()
          .jsonConfig(
              io.restassured.config.JsonConfig.jsonConfig()
                  .numberReturnType(
                      io.restassured.path.json.config.JsonPathConfig.NumberReturnType.BIG_DECIMAL));

  private MetricFixtures() {}

  /** A metric body; {@code dimension}, {@code min} and {@code max} may be null. */
  static Map<String, Object> metric(
      String name, String direction, String kind, String dimension, Object min, Object max) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("direction", direction);
    body.put("kind", kind);
    body.put("dimension", dimension);
    body.put("min", min);
    body.put("max", max);
    return body;
  }

  static ExtractableResponse<Response> register(String key, Map<String, Object> body) {
    return CurationFixtures.created(key, "/api/v1/metrics", body);
  }

  /**
   * A dataset of its own, so the results a test writes join no board, matrix or count other tests
   * read.
   */
  static String dataset(String key) {
    String slug = "metric-test-" + org.mlmdkb.curation.CurationFixtures.unique();
    given()
        .header("Authorization", "Bearer " + key)
        .contentType(ContentType.JSON)
        .body(Map.of("slug", slug, "name", "Metric test " + slug, "domain", "materials"))
        .when()
        .post("/api/v1/datasets")
        .then()
        .statusCode(201);
    return slug;
  }

  /** A valid result of {@code metric} in {@code unit} on {@code dataset} and a split of its own. */
  static Map<String, Object> result(
      String dataset, String metric, Object value, String unit, String split) {
    Map<String, Object> body = org.mlmdkb.curation.CurationFixtures.resultBody(split);
    body.put("dataset", dataset);
    body.remove("subset");
    body.put("target", "md");
    body.put("metric", metric);
    body.put("value", value);
    body.put("unit", unit);
    body.put("basis", "none");
    return new HashMap<>(body);
  }

  /**
   * Registers {@code name} as an error metric (lower is better, at least 0, of {@code dimension},
   * null: any) and stores one result of it, {@code value unit}, on a dataset of its own; the
   * result's 201 answer.
   */
  static ExtractableResponse<Response> registerWithOneResult(
      String key, String name, String dimension, Object value, String unit) {
    register(key, metric(name, "lower_is_better", "error", dimension, 0, null));
    return postResult(key, result(dataset(key), name, value, unit, name + "-split"))
        .statusCode(201)
        .extract();
  }

  static io.restassured.response.ValidatableResponse postResult(
      String key, Map<String, Object> body) {
    return given()
        .config(DECIMALS)
        .header("Authorization", "Bearer " + key)
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/api/v1/results")
        .then();
  }
}
