package org.mlmdkb.curation.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.mlmdkb.curation.CurationFixtures.ADMIN_KEY;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlmdkb.testsupport.ApiTest;

/** Each test acts as its own client address through X-Forwarded-For (trusted in tests). */
@QuarkusTest
class BruteForceTest extends ApiTest {

  private static io.restassured.response.ValidatableResponse write(String address, String key) {
    return given()
        .header("X-Forwarded-For", address)
        .header("Authorization", "Bearer " + key)
        .contentType(ContentType.JSON)
        .body(Map.of("slug", "brute-force", "label", "Brute force"))
        .when()
        .post("/api/v1/tags")
        .then();
  }

  @Test
  void tenWrongKeysFromOneAddressAre401sThenEveryKeyGets429WithRetryAfter() {
    String address = "198.51.100.10";
    for (int i = 0; i < 10; i++) {
      write(address, "wrong-key-" + i).statusCode(401);
    }
    write(address, "wrong-key-10")
        .statusCode(429)
        .contentType("application/problem+json")
        .header("Retry-After", matchesPattern("[1-9][0-9]*"))
        .body("status", equalTo(429));
    // Guessing right does not help once blocked.
    write(address, ADMIN_KEY).statusCode(429);
  }

  @Test
  void anotherAddressIsNotBlocked() {
    for (int i = 0; i < 12; i++) {
      write("198.51.100.20", "wrong-key-" + i);
    }
    given()
        .header("X-Forwarded-For", "198.51.100.21")
        .header("Authorization", "Bearer wrong")
        .when()
        .get("/api/v1/articles/no-such-draft")
        .then()
        .statusCode(401);
  }

  @Test
  void wrongKeysOnReadsCountToo() {
    String address = "198.51.100.30";
    for (int i = 0; i < 10; i++) {
      given()
          .header("X-Forwarded-For", address)
          .header("Authorization", "Bearer wrong-" + i)
          .when()
          .get("/api/v1/methods/mace/history")
          .then()
          .statusCode(401);
    }
    given()
        .header("X-Forwarded-For", address)
        .header("Authorization", "Bearer wrong")
        .when()
        .get("/api/v1/methods/mace/history")
        .then()
        .statusCode(429)
        .header("Retry-After", matchesPattern("[1-9][0-9]*"));
  }
}
