package org.mlmdkb.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.mlmdkb.testsupport.ApiTest;

@QuarkusTest
class ProblemResponsesTest extends ApiTest {

  @Test
  void unknownApiRouteIs404Problem() {
    given()
        .when()
        .get("/api/v1/no-such-thing")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404))
        .body("title", equalTo("Not Found"))
        .body("type", equalTo("urn:mlmd-kb:problem:not-found"))
        .body("instance", equalTo("/api/v1/no-such-thing"));
  }

  @Test
  void unknownRouteOutsideTheApiIs404ProblemToo() {
    given()
        .when()
        .get("/nothing/here")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404));
  }

  @Test
  void postToGetOnlyRouteIs405Problem() {
    given()
        .contentType("application/json")
        .body("{}")
        .when()
        .post("/api/v1")
        .then()
        .statusCode(405)
        .contentType("application/problem+json")
        .body("status", equalTo(405))
        .body("detail", not(containsString("Exception")));
  }

  @Test
  void a405NamesTheAllowedMethodsFromTheContract() {
    given()
        .contentType("application/json")
        .body("{}")
        .when()
        .post("/api/v1")
        .then()
        .statusCode(405)
        .header("Allow", equalTo("GET, HEAD"));
  }

  @Test
  void a405OnATemplatedPathNamesThatPathsMethods() {
    given()
        .contentType("application/json")
        .body("{}")
        .when()
        .put("/api/v1/results/1/history")
        .then()
        .statusCode(405)
        .header("Allow", equalTo("GET, HEAD"));
  }
}
