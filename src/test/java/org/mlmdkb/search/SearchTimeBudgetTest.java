package org.mlmdkb.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlmdkb.testsupport.ApiTest;

/**
 * A search past its time budget answers a 503 problem with Retry-After, never a hung request. The
 * budget (kb.search.timeout) is zero here, so Lucene's time-limited scorer gives up before the
 * first document, deterministically.
 */
@QuarkusTest
@TestProfile(SearchTimeBudgetTest.NoTimeToSearch.class)
class SearchTimeBudgetTest extends ApiTest {

  /** Its own application: a search budget of zero milliseconds. */
  public static class NoTimeToSearch implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("kb.search.timeout", "0ms");
    }
  }

  @Test
  void searchPastItsTimeBudgetIs503ProblemWithRetryAfter() {
    given()
        .queryParam("q", "equivariant potentials")
        .when()
        .get("/api/v1/search")
        .then()
        .statusCode(503)
        .contentType("application/problem+json")
        .header("Retry-After", "1")
        .body("type", equalTo("urn:mlmd-kb:problem:search-unavailable"))
        .body("status", equalTo(503));
  }

  @Test
  void paperListQueryPastTheTimeBudgetIs503ProblemWithRetryAfter() {
    given()
        .queryParam("q", "equivariant potentials")
        .when()
        .get("/api/v1/papers")
        .then()
        .statusCode(503)
        .contentType("application/problem+json")
        .header("Retry-After", "1")
        .body("type", equalTo("urn:mlmd-kb:problem:search-unavailable"));
  }

  /** Filters and a sort are bounded work: the budget guards text queries only. */
  @Test
  void paperListWithoutQueryHasNoTimeBudgetAndAnswers200() {
    given()
        .queryParam("tag", "equivariance")
        .queryParam("sort", "title")
        .when()
        .get("/api/v1/papers")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(20));
  }
}
