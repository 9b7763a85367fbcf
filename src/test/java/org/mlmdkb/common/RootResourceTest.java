package org.mlmdkb.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.mlmdkb.testsupport.ApiTest;

@QuarkusTest
class RootResourceTest extends ApiTest {

  @Test
  void rootNamesTheServiceAndLinksTheOpenApiDocument() {
    given()
        .when()
        .get("/api/v1")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body("name", equalTo("mlmd-kb"))
        .body("version", notNullValue())
        .body("links.openapi", equalTo("/q/openapi"))
        .body("links.papers", equalTo("/api/v1/papers"))
        .body("links.metrics", equalTo("/api/v1/metrics"));
  }
}
