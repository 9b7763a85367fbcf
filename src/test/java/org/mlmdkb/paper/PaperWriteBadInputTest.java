package org.mlmdkb.paper;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.mlmdkb.curation.CurationFixtures.ADMIN_KEY;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlmdkb.testsupport.ApiTest;

/** Bad request bodies on the write path: always a 4xx problem, never a 500, nothing stored. */
@QuarkusTest
class PaperWriteBadInputTest extends ApiTest {

  private int paperCount() {
    return given()
        .queryParam("limit", 1)
        .when()
        .get("/api/v1/papers")
        .then()
        .statusCode(200)
        .extract()
        .path("total");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"title\": ", "not json at all", "[1, 2", "{\"title\": \"x\",}"})
  void malformedJsonIs400ProblemAndStoresNothing(String body) {
    int before = paperCount();
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .contentType("application/json")
        .body(body)
        .when()
        .post("/api/v1/papers")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].in", equalTo("body"))
        .body("detail", not(containsString("Exception")));
    org.junit.jupiter.api.Assertions.assertEquals(before, paperCount());
  }

  @Test
  void unsupportedMediaTypeIs415Problem() {
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .contentType("text/plain")
        .body("title=hello")
        .when()
        .post("/api/v1/papers")
        .then()
        .statusCode(415)
        .contentType("application/problem+json")
        .body("status", equalTo(415));
  }

  @Test
  void unknownPropertyIs400NamingIt() {
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .contentType("application/json")
        .body(
            "{\"entry_type\": \"article\", \"title\": \"Unknown property test\", \"colour\": \"red\"}")
        .when()
        .post("/api/v1/papers")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.name", hasItem("colour"));
  }

  @Test
  void hugeTitleIsRefusedWithA4xxProblem() {
    String title = "x".repeat(200_000);
    int status =
        given()
            .header("Authorization", "Bearer " + ADMIN_KEY)
            .contentType("application/json")
            .body("{\"entry_type\": \"article\", \"title\": \"" + title + "\"}")
            .when()
            .post("/api/v1/papers")
            .then()
            .contentType("application/problem+json")
            .extract()
            .statusCode();
    org.junit.jupiter.api.Assertions.assertTrue(status >= 400 && status < 500, "status " + status);
  }
}
