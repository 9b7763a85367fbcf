package org.mlmdkb.common.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlmdkb.curation.CurationFixtures.ADMIN_KEY;
import static org.mlmdkb.curation.CurationFixtures.newKey;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlmdkb.testsupport.ApiTest;

@QuarkusTest
class StrictJsonTest extends ApiTest {

  /** JSON escapes, so the request itself is plain ASCII. */
  @ParameterizedTest
  @ValueSource(strings = {"a\\u0000b", "lone \\ud800 surrogate", "reversed \\udc00\\ud800"})
  void unstorableTextIs400NamingTheField(String title) {
    given()
        .header("Authorization", "Bearer " + newKey("curator"))
        .contentType(ContentType.JSON)
        .body("{\"entry_type\": \"article\", \"title\": \"" + title + "\"}")
        .when()
        .post("/api/v1/papers")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].name", equalTo("title"))
        .body("errors[0].message", equalTo(StrictJson.UNSTORABLE));
  }

  @Test
  void unstorableTextInAListIs400() {
    given()
        .header("Authorization", "Bearer " + newKey("curator"))
        .contentType(ContentType.JSON)
        .body("{\"entry_type\": \"article\", \"title\": \"t\", \"authors\": [\"A\\u0000\"]}")
        .when()
        .post("/api/v1/papers")
        .then()
        .statusCode(400)
        .body("errors[0].message", equalTo(StrictJson.UNSTORABLE));
  }

  @Test
  void aFractionWhereAnIntegerBelongsIs400() {
    given()
        .header("Authorization", "Bearer " + newKey("curator"))
        .contentType(ContentType.JSON)
        .body("{\"entry_type\": \"article\", \"title\": \"t\", \"year\": 2024.7}")
        .when()
        .post("/api/v1/papers")
        .then()
        .statusCode(400)
        .body("errors[0].name", equalTo("year"));
  }

  @Test
  void aNulInAnImportBodyIs400() {
    given()
        .header("Authorization", "Bearer " + newKey("curator"))
        .contentType("application/x-bibtex")
        .body("@article{k, title={a\u0000b}, year={2020}}".getBytes(StandardCharsets.UTF_8))
        .when()
        .post("/api/v1/imports")
        .then()
        .statusCode(400)
        .body("errors[0].message", equalTo("contains a NUL character"));
  }

  @Test
  void revokingAMalformedKeyNameIs400() {
    given()
        .urlEncodingEnabled(false)
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .when()
        .delete("/api/v1/api-keys/%00")
        .then()
        .statusCode(400)
        .body("errors[0].name", equalTo("name"));
  }

  @Test
  void pairedSurrogatesAndOrdinaryTextAreStorable() {
    assertTrue(StrictJson.storable("Schütt 😀 ∇·E"));
    assertFalse(StrictJson.storable("\ud83d"));
    assertFalse(StrictJson.storable("x\u0000"));
  }
}
