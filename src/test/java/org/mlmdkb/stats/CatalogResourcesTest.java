package org.mlmdkb.stats;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.mlmdkb.testsupport.ApiTest;

@QuarkusTest
class CatalogResourcesTest extends ApiTest {

  @Test
  void statsReportAtLeastTheCorpusMinimums() {
    given()
        .when()
        .get("/api/v1/stats")
        .then()
        .statusCode(200)
        .body("papers", greaterThanOrEqualTo(1500))
        .body("methods", greaterThanOrEqualTo(60))
        .body("lineage_edges", greaterThanOrEqualTo(1))
        .body("datasets", greaterThanOrEqualTo(30))
        .body("results", greaterThanOrEqualTo(1000))
        .body("articles", greaterThanOrEqualTo(8));
  }

  @Test
  void sourcesCreditEveryUpstreamWithItsLicence() {
    given()
        .when()
        .get("/api/v1/sources")
        .then()
        .statusCode(200)
        .body("items.size()", greaterThanOrEqualTo(9))
        .body("items.licence", hasItem("CC BY-SA 4.0"))
        .body("items.find { it.id == 'doctor-archive' }.licence", equalTo("CC BY 4.0"));
  }

  @Test
  void tagsComeWithParentsAndCounts() {
    given()
        .when()
        .get("/api/v1/tags")
        .then()
        .statusCode(200)
        .body("items.find { it.slug == 'equivariance' }.parent", equalTo("ml-potentials"))
        .body("items.find { it.slug == 'equivariance' }.paper_count", greaterThanOrEqualTo(1));
  }

  @Test
  void unknownParameterOnStatsIs400() {
    given()
        .queryParam("verbose", "true")
        .when()
        .get("/api/v1/stats")
        .then()
        .statusCode(400)
        .body("errors[0].name", equalTo("verbose"));
  }
}
