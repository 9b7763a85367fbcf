package org.mlmdkb.dataset;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mlmdkb.curation.CurationFixtures.ADMIN_KEY;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlmdkb.testsupport.ApiTest;

/** Bad request bodies on the dataset write path: always a 4xx problem, never a 500. */
@QuarkusTest
class DatasetWriteBadInputTest extends ApiTest {

  private int datasetCount() {
    return given()
        .queryParam("limit", 1)
        .when()
        .get("/api/v1/datasets")
        .then()
        .statusCode(200)
        .extract()
        .path("total");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"slug\": ", "not json at all", "[1, 2", "{\"slug\": \"x\",}"})
  void malformedJsonIs400ProblemAndStoresNothing(String body) {
    int before = datasetCount();
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .contentType("application/json")
        .body(body)
        .when()
        .post("/api/v1/datasets")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].in", equalTo("body"))
        .body("detail", not(containsString("Exception")));
    assertEquals(before, datasetCount());
  }

  @Test
  void unknownPropertyIs400NamingIt() {
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .contentType("application/json")
        .body(
            "{\"slug\": \"unknown-property\", \"name\": \"x\", \"domain\": \"mixed\","
                + " \"colour\": \"red\"}")
        .when()
        .post("/api/v1/datasets")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.name", hasItem("colour"));
  }

  @Test
  void unknownPropertyOfASubsetIs400NamingItsPath() {
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .contentType("application/json")
        .body(
            "{\"slug\": \"unknown-subset-property\", \"name\": \"x\", \"domain\": \"mixed\","
                + " \"subsets\": [{\"slug\": \"a\", \"name\": \"A\", \"colour\": \"red\"}]}")
        .when()
        .post("/api/v1/datasets")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].name", containsString("colour"));
  }

  @Test
  void aJsonNullBodyIs400() {
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .contentType("application/json")
        .body("null")
        .when()
        .post("/api/v1/datasets")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void aPatchThatIsNotAnObjectIs400() {
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .header("If-Match", "*")
        .contentType("application/merge-patch+json")
        .body("[]")
        .when()
        .patch("/api/v1/datasets/rmd17")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void aMalformedSlugInThePathIs400() {
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .header("If-Match", "*")
        .contentType("application/merge-patch+json")
        .body("{}")
        .when()
        .patch("/api/v1/datasets/not_a_slug!")
        .then()
        .statusCode(400)
        .body("errors[0].in", equalTo("path"));
  }
}
