package org.mlmdkb.search.semantic;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlmdkb.testsupport.ApiTest;

@QuarkusTest
@TestProfile(BrokenModelProfile.class)
class BrokenModelTest extends ApiTest {

  @Inject TextEmbedder embedder;

  @BeforeEach
  void modelHasFailed() throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (embedder.state() == TextEmbedder.State.LOADING && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }

  @Test
  void keywordSearchStillAnswers() {
    given()
        .queryParam("q", "neural network potential")
        .queryParam("mode", "keyword")
        .when()
        .get("/api/v1/search")
        .then()
        .statusCode(200)
        .body("mode", equalTo("keyword"))
        .body("total", greaterThan(0))
        .body("semantic.state", equalTo("unavailable"));
  }

  @Test
  void searchWithoutAModeFallsBackFromHybridToKeywordAndSaysSo() {
    given()
        .queryParam("q", "neural network potential")
        .when()
        .get("/api/v1/search")
        .then()
        .statusCode(200)
        .body("mode", equalTo("keyword"))
        .body("semantic.detail", containsString("failed to load"));
  }

  @Test
  void semanticSearchIsA503Problem() {
    given()
        .queryParam("q", "neural network potential")
        .queryParam("mode", "semantic")
        .when()
        .get("/api/v1/search")
        .then()
        .statusCode(503)
        .contentType("application/problem+json")
        .header("Retry-After", notNullValue())
        .body("detail", containsString("failed to load"));
  }

  @Test
  void hybridSearchIsA503Problem() {
    given()
        .queryParam("q", "neural network potential")
        .queryParam("mode", "hybrid")
        .when()
        .get("/api/v1/search")
        .then()
        .statusCode(503)
        .contentType("application/problem+json")
        .header("Retry-After", notNullValue());
  }

  @Test
  void thePaperListBySemanticModeIsA503ProblemAndByKeywordsAnswers() {
    given()
        .queryParam("q", "water")
        .queryParam("mode", "semantic")
        .when()
        .get("/api/v1/papers")
        .then()
        .statusCode(503)
        .contentType("application/problem+json");
    given()
        .queryParam("q", "water")
        .when()
        .get("/api/v1/papers")
        .then()
        .statusCode(200)
        .header("Search-Mode", "keyword");
  }

  @Test
  void readinessStaysUpAndSaysSearchByMeaningIsUnavailable() {
    given()
        .when()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.find { it.name == 'semantic-search' }.data.state", equalTo("unavailable"))
        .body(
            "checks.find { it.name == 'semantic-search' }.data.detail",
            containsString("failed to load"));
  }

  @Test
  void theApiRootSaysSo() {
    given()
        .when()
        .get("/api/v1")
        .then()
        .statusCode(200)
        .body("search.default_mode", equalTo("hybrid"))
        .body("search.semantic.state", equalTo("unavailable"))
        .body("links.keySet()", hasItem("papers"));
  }
}
