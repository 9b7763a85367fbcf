package org.mlmdkb.common.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mlmdkb.testsupport.ApiTest;

@QuarkusTest
class StrictQueryParamsTest extends ApiTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/v1/papers|limit|１０",
        "/api/v1/papers|limit|' 10'",
        "/api/v1/papers|limit|+10",
        "/api/v1/papers|limit|99999999999",
        "/api/v1/papers|sort|TITLE",
        "/api/v1/papers|sort|' title'",
        "/api/v1/papers|has_code|TRUE",
        "/api/v1/papers|has_code|1",
        "/api/v1/methods|family|Universal",
        "/api/v1/results|status|REPORTED",
        "/api/v1/leaderboards|format|CSV"
      })
  void aValueTheContractDoesNotListIsA400NamingTheParameter(
      String path, String name, String value) {
    given()
        .queryParam(name, value)
        .when()
        .get(path)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].name", equalTo(name));
  }
}
