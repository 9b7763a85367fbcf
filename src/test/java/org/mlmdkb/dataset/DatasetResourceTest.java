package org.mlmdkb.dataset;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.mlmdkb.testsupport.ApiTest;

@QuarkusTest
class DatasetResourceTest extends ApiTest {

  @Test
  void listsAtLeastThirtyDatasets() {
    given()
        .when()
        .get("/api/v1/datasets")
        .then()
        .statusCode(200)
        .body("total", greaterThanOrEqualTo(30));
  }

  @Test
  void threeBpaHasItsTemperatureSubsetsInOrderAndItsTasks() {
    given()
        .when()
        .get("/api/v1/datasets/3bpa")
        .then()
        .statusCode(200)
        .body("subsets.slug", contains("test-300k", "test-600k", "test-1200k"))
        .body("tasks.metric", hasItem("RMSE"))
        // One row per unit results are compared in (forces: meV/Å), whatever unit each reports.
        .body("tasks.unit", hasItem("meV/Å"));
  }

  @Test
  void wbmListsMatbenchDiscoverySubsetsAndMetrics() {
    given()
        .when()
        .get("/api/v1/datasets/wbm")
        .then()
        .statusCode(200)
        .body("subsets.slug", hasItem("full-test-set"))
        .body("tasks.metric", hasItem("F1"));
  }

  @Test
  void domainFilterReturnsOnlyThatDomain() {
    given()
        .queryParam("domain", "small-molecules")
        .queryParam("limit", 100)
        .when()
        .get("/api/v1/datasets")
        .then()
        .statusCode(200)
        .body("items.domain", everyItem(equalTo("small-molecules")))
        .body("items.slug", hasItem("rmd17"));
  }

  @Test
  void unknownDomainIs400() {
    given()
        .queryParam("domain", "planets")
        .when()
        .get("/api/v1/datasets")
        .then()
        .statusCode(400)
        .body("errors[0].name", equalTo("domain"));
  }

  @Test
  void unknownDatasetIs404() {
    given()
        .when()
        .get("/api/v1/datasets/nope")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
