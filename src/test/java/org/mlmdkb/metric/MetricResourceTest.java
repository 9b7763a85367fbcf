package org.mlmdkb.metric;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mlmdkb.testsupport.ApiTest;

@QuarkusTest
class MetricResourceTest extends ApiTest {

  /** The facts the fixed list in the code held, now read from the registry. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "F1|higher_is_better|score",
        "DAF|higher_is_better|score",
        "MAE|lower_is_better|error",
        "RMSE|lower_is_better|error",
        "EFwT|higher_is_better|rate",
        "FPR|lower_is_better|rate",
        "TP|higher_is_better|count",
        "missing_preds|lower_is_better|count",
        "κ_SRME|lower_is_better|error",
        "symmetry_match|higher_is_better|rate",
        "n_structures|none|count",
        "spearman-tension-energy|none|score",
        "success_rate|higher_is_better|rate",
        "slope|lower_is_better|score",
        "simulation_time|lower_is_better|score"
      })
  void knowsDirectionAndKindOfTheMetricsTheCodeKnew(String name, String direction, String kind) {
    given()
        .when()
        .get("/api/v1/metrics/" + name)
        .then()
        .statusCode(200)
        .body("name", equalTo(name.toLowerCase(java.util.Locale.ROOT)))
        .body("direction", equalTo(direction))
        .body("kind", equalTo(kind));
  }

  @Test
  void rateIsADimensionlessFractionInZeroToOne() {
    given()
        .when()
        .get("/api/v1/metrics/success_rate")
        .then()
        .statusCode(200)
        .body("dimension", equalTo("dimensionless"))
        .body("canonical_unit", equalTo("1"))
        .body("min", equalTo(0))
        .body("max", equalTo(1))
        .body("n_results", greaterThan(-1));
  }

  @Test
  void errorsAreNonNegativeInAnyUnitExceptTheSignedDeviation() {
    given()
        .get("/api/v1/metrics/mae")
        .then()
        .statusCode(200)
        .body("dimension", nullValue())
        .body("canonical_unit", nullValue())
        .body("min", equalTo(0))
        .body("max", nullValue())
        .body("n_results", greaterThan(0));
    given()
        .get("/api/v1/metrics/κ_srd")
        .then()
        .statusCode(200)
        .body("kind", equalTo("error"))
        .body("min", nullValue());
  }

  @Test
  void everyMetricOfTheSeedCorpusIsRegistered() throws IOException {
    Set<String> used = new TreeSet<>();
    try (InputStream in = getClass().getResourceAsStream("/seed/results.json")) {
      for (JsonNode r : new ObjectMapper().readTree(in).get("results")) {
        used.add(Metric.key(r.get("metric").asText()));
      }
    }
    List<String> registered =
        given()
            .get("/api/v1/metrics?fields=name")
            .then()
            .statusCode(200)
            .extract()
            .path("items.name");
    used.removeAll(registered);
    assertTrue(used.isEmpty(), "seed metrics the registry lacks: " + used);
  }

  /**
   * Java's Metric.key and SQL's metric_key file the seed's names (κ_SRME, "n_structures
   * (symprec=1e-2)") under the same metric: every seed result is counted where Java looks it up.
   */
  @Test
  void resultsAreCountedUnderTheNameJavaFilesThemUnder() throws IOException {
    Map<String, Integer> seeded = new TreeMap<>();
    try (InputStream in = getClass().getResourceAsStream("/seed/results.json")) {
      for (JsonNode r : new ObjectMapper().readTree(in).get("results")) {
        seeded.merge(Metric.key(r.get("metric").asText()), 1, Integer::sum);
      }
    }
    Map<String, Integer> counted = new TreeMap<>();
    List<Map<String, Object>> items =
        given().get("/api/v1/metrics?fields=n_results").then().extract().path("items");
    items.forEach(m -> counted.put((String) m.get("name"), (Integer) m.get("n_results")));
    seeded.forEach(
        (name, n) ->
            assertTrue(
                counted.getOrDefault(name, 0) >= n,
                name + ": " + n + " seed results, counted " + counted.get(name)));
  }

  @Test
  void listIsOrderedByNameAndFiltersCombine() {
    List<String> names =
        given()
            .queryParam("kind", "rate")
            .queryParam("direction", "lower_is_better")
            .get("/api/v1/metrics")
            .then()
            .statusCode(200)
            .body("items.kind", everyItem(equalTo("rate")))
            .body("items.direction", everyItem(equalTo("lower_is_better")))
            .body("items.name", hasItem("fpr"))
            .extract()
            .path("items.name");
    assertEquals(names.stream().sorted().toList(), names);
  }

  @Test
  void dimensionFilterFindsTheRates() {
    given()
        .queryParam("dimension", "dimensionless")
        .get("/api/v1/metrics")
        .then()
        .statusCode(200)
        .body("items.dimension", everyItem(equalTo("dimensionless")))
        .body("items.name", hasItem("success_rate"));
  }

  @Test
  void fieldsKeepsTheNameAndTheSelectedProperties() {
    given()
        .queryParam("fields", "direction")
        .queryParam("kind", "score")
        .get("/api/v1/metrics")
        .then()
        .statusCode(200)
        .body("items[0].keySet()", contains("name", "direction"));
  }

  @Test
  void unknownFilterValueIs400NamingTheParameter() {
    given()
        .queryParam("kind", "fraction")
        .get("/api/v1/metrics")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].name", equalTo("kind"));
  }

  @Test
  void unknownQueryParameterIs400() {
    given().queryParam("sort", "name").get("/api/v1/metrics").then().statusCode(400);
  }

  @Test
  void unknownMetricIs404AndAMalformedNameIs400() {
    given().get("/api/v1/metrics/no-such-metric").then().statusCode(404);
    given()
        .get("/api/v1/metrics/_bad")
        .then()
        .statusCode(400)
        .body("errors[0].name", equalTo("name"));
  }

  @Test
  void getAnswers304WhenIfNoneMatchIsCurrent() {
    String etag = given().get("/api/v1/metrics/f1").then().statusCode(200).extract().header("ETag");
    given().header("If-None-Match", etag).get("/api/v1/metrics/f1").then().statusCode(304);
  }
}
