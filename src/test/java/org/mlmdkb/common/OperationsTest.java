package org.mlmdkb.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mlmdkb.testsupport.ApiTest;

@QuarkusTest
class OperationsTest extends ApiTest {

  @Test
  void readinessReflectsTheDatabase() {
    given()
        .when()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("Database")));
  }

  @Test
  void openApiDocumentIsTheHandWrittenFile() throws Exception {
    // SmallRye re-serialises the YAML (quoting, list style), so compare the parsed documents.
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    String served = given().when().get("/q/openapi").then().statusCode(200).extract().asString();
    assertEquals(yaml.readTree(Files.readString(Path.of("openapi.yaml"))), yaml.readTree(served));
  }

  @Test
  void prometheusMetricsAreExposed() {
    given()
        .when()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("jvm_memory_used_bytes"));
  }

  @Test
  void corsAllowsAnyOriginToReadByDefault() {
    given()
        .header("Origin", "https://frontend.example")
        .when()
        .get("/api/v1")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", "https://frontend.example");
  }
}
