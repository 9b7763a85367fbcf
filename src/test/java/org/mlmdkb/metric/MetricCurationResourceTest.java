package org.mlmdkb.metric;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mlmdkb.curation.CurationFixtures.ADMIN_KEY;
import static org.mlmdkb.curation.CurationFixtures.deleteAsAdmin;
import static org.mlmdkb.curation.CurationFixtures.newKey;
import static org.mlmdkb.curation.CurationFixtures.unique;
import static org.mlmdkb.metric.MetricFixtures.metric;
import static org.mlmdkb.metric.MetricFixtures.register;
import static org.mlmdkb.metric.MetricFixtures.registerWithOneResult;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.mlmdkb.testsupport.ApiTest;

@QuarkusTest
class MetricCurationResourceTest extends ApiTest {

  private static final String MERGE_PATCH = "application/merge-patch+json";

  @Test
  void registerAnswers201WithLocationEtagAndTheNormalisedMetric() {
    String name = "Barrier_MAE_" + unique();
    ExtractableResponse<Response> created =
        register(newKey("curator"), metric(" " + name + " ", null, "error", "energy", 0, null));
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    assertEquals("/api/v1/metrics/" + lower, URI.create(created.header("Location")).getPath());
    assertEquals(lower, created.path("name"));
    assertEquals("none", created.path("direction"));
    assertEquals("energy", created.path("dimension"));
    assertEquals("meV", created.path("canonical_unit"));
    assertEquals(0, (int) created.path("n_results"));
    given()
        .get("/api/v1/metrics/" + lower)
        .then()
        .statusCode(200)
        .header("ETag", equalTo(created.header("ETag")));
    given().get("/api/v1/metrics").then().body("items.name", hasItem(lower));
  }

  @Test
  void nonAsciiNamesArePercentEncodedInLocation() {
    String name = "ø_desorption_" + unique();
    ExtractableResponse<Response> created =
        register(newKey("curator"), metric(name, "lower_is_better", "rate", "dimensionless", 0, 1));
    assertEquals("/api/v1/metrics/" + name, URI.create(created.header("Location")).getPath());
    given()
        .urlEncodingEnabled(false)
        .get(created.header("Location"))
        .then()
        .statusCode(200)
        .body("name", equalTo(name));
  }

  @Test
  void registerWithoutKeyIs401() {
    given()
        .contentType(ContentType.JSON)
        .body(metric("no-key-" + unique(), null, "score", null, null, null))
        .post("/api/v1/metrics")
        .then()
        .statusCode(401);
  }

  @Test
  void registerListsEveryInvalidFieldWith422() {
    given()
        .header("Authorization", "Bearer " + newKey("curator"))
        .contentType(ContentType.JSON)
        .body(metric("_bad name", "best", "fraction", "furlongs", 2, 1))
        .post("/api/v1/metrics")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.name", contains("name", "direction", "kind", "dimension", "min"));
  }

  @Test
  void aNameWithAQualifierIsRefusedSayingWhatResultsAreFiledUnder() {
    given()
        .header("Authorization", "Bearer " + newKey("curator"))
        .contentType(ContentType.JSON)
        .body(metric("symmetry_match (symprec=1e-5)", null, "rate", null, null, null))
        .post("/api/v1/metrics")
        .then()
        .statusCode(422)
        .body("errors[0].message", containsString("filed under 'symmetry_match'"));
  }

  @Test
  void aBoundOtherThanZeroNeedsADimension() {
    given()
        .header("Authorization", "Bearer " + newKey("curator"))
        .contentType(ContentType.JSON)
        .body(metric("bounded-" + unique(), null, "score", null, 0, 1))
        .post("/api/v1/metrics")
        .then()
        .statusCode(422)
        .body("errors.name", contains("dimension"));
  }

  @Test
  void registeringANameTheRegistryHoldsIs409() {
    given()
        .header("Authorization", "Bearer " + newKey("curator"))
        .contentType(ContentType.JSON)
        .body(metric("MAE", "lower_is_better", "error", null, 0, null))
        .post("/api/v1/metrics")
        .then()
        .statusCode(409)
        .body("errors.name", contains("name"));
  }

  @Test
  void concurrentRegistrationsOfOneNameGiveOne201AndOnly409s() throws Exception {
    String key = newKey("curator");
    String name = "race-" + unique();
    List<Callable<Integer>> clients = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      clients.add(
          () ->
              given()
                  .header("Authorization", "Bearer " + key)
                  .contentType(ContentType.JSON)
                  .body(metric(name, "higher_is_better", "rate", "dimensionless", 0, 1))
                  .post("/api/v1/metrics")
                  .then()
                  .extract()
                  .statusCode());
    }
    ExecutorService pool = Executors.newFixedThreadPool(clients.size());
    List<Integer> statuses = new ArrayList<>();
    try {
      for (Future<Integer> f : pool.invokeAll(clients)) {
        statuses.add(f.get());
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(List.of(201, 409, 409, 409, 409, 409), statuses.stream().sorted().toList());
    given()
        .header("Authorization", "Bearer " + key)
        .get("/api/v1/metrics/" + name + "/history")
        .then()
        .statusCode(200)
        .body("items.action", contains("create"));
  }

  @Test
  void changesNeedTheCurrentEtag() {
    String key = newKey("curator");
    String name = "etag-" + unique();
    String etag = register(key, metric(name, null, "score", null, null, null)).header("ETag");
    given()
        .header("Authorization", "Bearer " + key)
        .contentType(MERGE_PATCH)
        .body(Map.of("direction", "higher_is_better"))
        .patch("/api/v1/metrics/" + name)
        .then()
        .statusCode(428);
    given()
        .header("Authorization", "Bearer " + key)
        .header("If-Match", "\"stale\"")
        .contentType(MERGE_PATCH)
        .body(Map.of("direction", "higher_is_better"))
        .patch("/api/v1/metrics/" + name)
        .then()
        .statusCode(412);
    given()
        .header("Authorization", "Bearer " + key)
        .header("If-Match", etag)
        .contentType(MERGE_PATCH)
        .body(Map.of("direction", "higher_is_better"))
        .patch("/api/v1/metrics/" + name)
        .then()
        .statusCode(200)
        .header("ETag", notNullValue())
        .body("direction", equalTo("higher_is_better"));
  }

  @Test
  void historyRecordsTheRegistrationAndEachEditWithStatesBeforeAndAfter() {
    String key = newKey("curator");
    String name = "history-" + unique();
    String etag = register(key, metric(name, null, "rate", "dimensionless", 0, 1)).header("ETag");
    given()
        .header("Authorization", "Bearer " + key)
        .header("If-Match", etag)
        .contentType(MERGE_PATCH)
        .body(Map.of("direction", "higher_is_better", "description", "Share of runs that finish"))
        .patch("/api/v1/metrics/" + name)
        .then()
        .statusCode(200);
    given()
        .get("/api/v1/metrics/" + name + "/history")
        .then()
        .statusCode(200)
        .body("items.action", contains("create", "update"))
        .body("items[0].before", nullValue())
        .body("items[0].after.direction", equalTo("none"))
        .body("items[1].before.direction", equalTo("none"))
        .body("items[1].after.direction", equalTo("higher_is_better"))
        .body("items[1].after.description", equalTo("Share of runs that finish"))
        .body("items[1].after.max", equalTo(1))
        .body("items[1].key_name", nullValue());
  }

  @Test
  void aWriteThatChangesNothingRecordsNothing() {
    String key = newKey("curator");
    String name = "same-" + unique();
    String etag = register(key, metric(name, null, "score", null, null, null)).header("ETag");
    given()
        .header("Authorization", "Bearer " + key)
        .header("If-Match", etag)
        .contentType(ContentType.JSON)
        .body(metric(name.toUpperCase(java.util.Locale.ROOT), "none", "score", null, null, null))
        .put("/api/v1/metrics/" + name)
        .then()
        .statusCode(200);
    given()
        .get("/api/v1/metrics/" + name + "/history")
        .then()
        .body("items.action", contains("create"));
  }

  @Test
  void deletingAMetricLiveResultsUseIs409AndAnUnusedOneIsRestorable() {
    String mae = given().get("/api/v1/metrics/mae").then().extract().header("ETag");
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .header("If-Match", mae)
        .delete("/api/v1/metrics/mae")
        .then()
        .statusCode(409)
        .body("type", containsString("metric-in-use"))
        .body("detail", containsString("live result(s)"));
    String name = "unused-" + unique();
    String etag =
        register(newKey("curator"), metric(name, null, "score", null, null, null)).header("ETag");
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .header("If-Match", etag)
        .delete("/api/v1/metrics/" + name)
        .then()
        .statusCode(204);
    given().get("/api/v1/metrics/" + name).then().statusCode(404);
    given()
        .urlEncodingEnabled(false)
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .post("/api/v1/metrics/" + name + ":restore")
        .then()
        .statusCode(200)
        .body("name", equalTo(name));
  }

  @Test
  void aMetricWhoseOnlyResultIsDeletedCountsNoneAndMayBeDeleted() {
    String name = "emptied-" + unique();
    ExtractableResponse<Response> stored =
        registerWithOneResult(newKey("curator"), name, null, 2.5, "meV/Å");
    given().get("/api/v1/metrics/" + name).then().body("n_results", equalTo(1));
    deleteAsAdmin("/api/v1/results/" + stored.path("id"), stored);
    ExtractableResponse<Response> unused =
        given().get("/api/v1/metrics/" + name).then().body("n_results", equalTo(0)).extract();
    deleteAsAdmin("/api/v1/metrics/" + name, unused);
  }

  @Test
  void renamingAMetricLiveResultsUseIs409() {
    String key = newKey("curator");
    String name = "renamed-" + unique();
    registerWithOneResult(key, name, null, 2.5, "meV/Å");
    String etag = given().get("/api/v1/metrics/" + name).then().extract().header("ETag");
    given()
        .header("Authorization", "Bearer " + key)
        .header("If-Match", etag)
        .contentType(MERGE_PATCH)
        .body(Map.of("name", name + "-new"))
        .patch("/api/v1/metrics/" + name)
        .then()
        .statusCode(409)
        .body("type", containsString("metric-in-use"));
  }

  @Test
  void aRangeThatWouldExcludeLiveResultsIs409() {
    String key = newKey("curator");
    String name = "narrowed-" + unique();
    registerWithOneResult(key, name, "force", 2.5, "eV/Å");
    String etag = given().get("/api/v1/metrics/" + name).then().extract().header("ETag");
    given()
        .header("Authorization", "Bearer " + key)
        .header("If-Match", etag)
        .contentType(MERGE_PATCH)
        .body(Map.of("max", 1000))
        .patch("/api/v1/metrics/" + name)
        .then()
        .statusCode(409)
        .body("type", containsString("results-outside-rules"))
        .body("errors[0].name", equalTo("max"));
    // 2.5 eV/Å is 2500 meV/Å: a bound of 3000 (the canonical unit) keeps it.
    given()
        .header("Authorization", "Bearer " + key)
        .header("If-Match", etag)
        .contentType(MERGE_PATCH)
        .body(Map.of("max", 3000))
        .patch("/api/v1/metrics/" + name)
        .then()
        .statusCode(200)
        .body("max", equalTo(3000));
  }
}
