package org.mlmdkb.metric;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mlmdkb.curation.CurationFixtures.newKey;
import static org.mlmdkb.curation.CurationFixtures.unique;
import static org.mlmdkb.metric.MetricFixtures.dataset;
import static org.mlmdkb.metric.MetricFixtures.metric;
import static org.mlmdkb.metric.MetricFixtures.postResult;
import static org.mlmdkb.metric.MetricFixtures.register;
import static org.mlmdkb.metric.MetricFixtures.result;

import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mlmdkb.common.query.WireNamed;
import org.mlmdkb.testsupport.ApiTest;

/** Results checked against the registry: its metrics, their dimensions, ranges and directions. */
@QuarkusTest
class MetricResultsTest extends ApiTest {

  @Test
  void aRegisteredFractionMetricTakesOneButNotAHundredWithUnitOne() {
    String key = newKey("curator");
    String dataset = dataset(key);
    String name = "success_rate_" + unique();
    register(key, metric(name, "higher_is_better", "rate", "dimensionless", 0, 1));
    postResult(key, result(dataset, name, 100.0, "1", "fraction-" + unique()))
        .statusCode(422)
        .body("errors[0].name", equalTo("value"))
        .body(
            "errors[0].message",
            equalTo(
                "'"
                    + name
                    + "' is a rate: with unit 1 it lies in [0, 1] (a percentage needs unit %)"));
    postResult(key, result(dataset, name, 1.0, "1", "fraction-" + unique()))
        .statusCode(201)
        .body("canonical_unit", equalTo("1"));
    Object percent =
        postResult(key, result(dataset, name, 100.0, "%", "fraction-" + unique()))
            .statusCode(201)
            .extract()
            .path("canonical_value");
    assertEquals(0, BigDecimal.ONE.compareTo(new BigDecimal(percent.toString())));
    given().get("/api/v1/metrics/" + name).then().body("n_results", equalTo(2));
  }

  @Test
  void anImportOfARegisteredMetricNamesTheRowAndTheRule() {
    String key = newKey("curator");
    String dataset = dataset(key);
    String name = "nve_success_" + unique();
    register(key, metric(name, "higher_is_better", "rate", "dimensionless", 0, 1));
    String header =
        "method,dataset,subset,task,target,metric,value,unit,basis,split,repository,path\n";
    String row =
        "painn,"
            + dataset
            + ",,md-stability,md,"
            + name
            + ",%s,1,none,import-"
            + unique()
            + ",https://github.com/example/benchmarks,results/rates.csv\n";
    given()
        .header("Authorization", "Bearer " + key)
        .contentType("text/csv")
        .body(header + row.formatted("0.89") + row.formatted("100.0"))
        .post("/api/v1/imports")
        .then()
        .statusCode(422)
        .body("errors[0].name", equalTo("row 2"))
        .body("errors[0].message", containsString("is a rate: with unit 1 it lies in [0, 1]"));
    given()
        .header("Authorization", "Bearer " + key)
        .contentType("text/csv")
        .body(header + row.formatted("0.89"))
        .post("/api/v1/imports")
        .then()
        .statusCode(200)
        .body("items.status", contains("created"));
  }

  @Test
  void anUnregisteredMetricIs422SayingHowToRegisterIt() {
    String name = "Unregistered_Metric_" + unique();
    String key = newKey("curator");
    postResult(key, result(dataset(key), name, 1.0, "meV", "unregistered-" + unique()))
        .statusCode(422)
        .body("errors[0].name", equalTo("metric"))
        .body("errors[0].message", containsString("POST /api/v1/metrics"))
        .body(
            "errors[0].message",
            containsString("name '" + name.toLowerCase(java.util.Locale.ROOT) + "'"));
  }

  /** Each unit real benchmarks use, for a metric of its dimension and one of another. */
  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "mJ/m²      | energy_per_area     | meV/Å²     | 0.06241509074460763 | force",
        "meV/Å²     | energy_per_area     | meV/Å²     | 1                   | energy",
        "K          | temperature         | K          | 1                   | time",
        "eV/atom/ps | energy_drift        | meV/atom/ps | 1000               | energy_per_atom",
        "µs/atom    | time_per_atom       | µs/atom    | 1                   | time",
        "Å³         | volume              | Å³         | 1                   | volume_per_atom",
        "Å³/atom    | volume_per_atom     | Å³/atom    | 1                   | volume",
        "J/(K·mol)  | molar_heat_capacity | J/(K·mol)  | 1                   | energy"
      })
  void aUnitFitsAMetricOfItsDimensionAndNoOther(
      String unit, String dimension, String canonical, String factor, String other) {
    String key = newKey("curator");
    String dataset = dataset(key);
    String fits = "fits_" + unique();
    String misfits = "misfits_" + unique();
    register(key, metric(fits, "lower_is_better", "error", dimension, 0, null));
    register(key, metric(misfits, "lower_is_better", "error", other, 0, null));
    Object stored =
        postResult(key, result(dataset, fits, 1, unit, "dimension-" + unique()))
            .statusCode(201)
            .body("unit", equalTo(unit))
            .body("canonical_unit", equalTo(canonical))
            .extract()
            .path("canonical_value");
    assertEquals(
        0, new BigDecimal(factor).compareTo(new BigDecimal(stored.toString())), stored::toString);
    postResult(key, result(dataset, misfits, 1, unit, "dimension-" + unique()))
        .statusCode(422)
        .body("errors[0].name", equalTo("unit"))
        .body(
            "errors[0].message",
            containsString(
                WireNamed.fromWire(Dimension.class, dimension).orElseThrow().description()))
        .body(
            "errors[0].message",
            containsString(WireNamed.fromWire(Dimension.class, other).orElseThrow().description()));
  }

  @Test
  void aMetricWithoutADirectionIsStoredListedAndShownUnranked() {
    String key = newKey("curator");
    String dataset = dataset(key);
    String name = "descriptive_" + unique();
    String split = "unranked-" + unique();
    register(key, metric(name, null, "score", null, null, null));
    postResult(key, withMethod(result(dataset, name, 3.0, "1", split), "painn")).statusCode(201);
    postResult(key, withMethod(result(dataset, name, 1.0, "1", split), "nequip")).statusCode(201);
    given()
        .queryParam("metric", name)
        .get("/api/v1/results")
        .then()
        .statusCode(200)
        .body("items", hasSize(2));
    given()
        .queryParam("metric", name)
        .queryParam("split", split)
        .get("/api/v1/leaderboards/{dataset}", dataset)
        .then()
        .statusCode(200)
        .body("direction", equalTo("none"))
        .body("rows", hasSize(2))
        .body("rows.rank", everyItem(nullValue()))
        .body("rows.tied", everyItem(equalTo(false)))
        .body("rows.method.slug", contains("nequip", "painn"));
    given()
        .queryParam("metric", name)
        .queryParam("split", split)
        .queryParam("format", "svg")
        .get("/api/v1/leaderboards/{dataset}", dataset)
        .then()
        .statusCode(200)
        .contentType(startsWith("image/svg+xml"))
        .body(containsString("unranked (the metric has no direction)"));
  }

  @Test
  void aDirectionGivenLaterRanksTheSameResults() {
    String key = newKey("curator");
    String dataset = dataset(key);
    String name = "later_ranked_" + unique();
    String split = "ranked-" + unique();
    register(key, metric(name, null, "score", null, null, null));
    postResult(key, withMethod(result(dataset, name, 3.0, "1", split), "painn")).statusCode(201);
    postResult(key, withMethod(result(dataset, name, 1.0, "1", split), "nequip")).statusCode(201);
    // Adding results changed n_results and with it the ETag: read the current one.
    given()
        .header("Authorization", "Bearer " + key)
        .header("If-Match", given().get("/api/v1/metrics/" + name).then().extract().header("ETag"))
        .contentType("application/merge-patch+json")
        .body(Map.of("direction", "higher_is_better"))
        .patch("/api/v1/metrics/" + name)
        .then()
        .statusCode(200);
    given()
        .queryParam("metric", name)
        .queryParam("split", split)
        .get("/api/v1/leaderboards/{dataset}", dataset)
        .then()
        .statusCode(200)
        .body("direction", equalTo("higher_is_better"))
        .body("rows.rank", contains(1, 2))
        .body("rows.method.slug", contains("painn", "nequip"));
  }

  private static Map<String, Object> withMethod(Map<String, Object> body, String method) {
    body.put("method", method);
    return body;
  }
}
