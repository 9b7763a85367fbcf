package org.mlmdkb.curation;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;

/** Keys and throw-away papers for curation tests; every paper gets a unique title and DOI. */
public final class CurationFixtures {

  /** The %test profile's kb.admin-key. */
  public static final String ADMIN_KEY = "test-admin-key-0123456789";

  private CurationFixtures() {}

  public static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  public static String newKey(String role) {
    return given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .contentType(ContentType.JSON)
        .body(Map.of("name", role + "-" + unique(), "role", role))
        .when()
        .post("/api/v1/api-keys")
        .then()
        .statusCode(201)
        .extract()
        .path("key");
  }

  /** Creates a paper with the given key; returns the 201 response. */
  public static ExtractableResponse<Response> createPaper(String key, String title) {
    return given()
        .header("Authorization", "Bearer " + key)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "entry_type",
                "article",
                "title",
                title,
                "year",
                2024,
                "venue",
                "Journal of Tests",
                "doi",
                "10.5555/test-" + unique(),
                "authors",
                java.util.List.of("Ada Lovelace", "Alan Turing")))
        .when()
        .post("/api/v1/papers")
        .then()
        .statusCode(201)
        .extract();
  }
}
