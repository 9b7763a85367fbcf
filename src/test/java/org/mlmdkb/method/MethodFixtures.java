package org.mlmdkb.method;

import static io.restassured.RestAssured.given;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mlmdkb.curation.CurationFixtures;

/** Throw-away methods for method curation tests; slugs and names are unique per call. */
final class MethodFixtures {

  private MethodFixtures() {}

  /** A unique lower-case word of letters only, so full-text search keeps it whole. */
  static String word() {
    StringBuilder out = new StringBuilder();
    for (char c : CurationFixtures.unique().toCharArray()) {
      out.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : c);
    }
    return out.toString();
  }

  /** A valid editable state with a unique slug and name; callers change what they test. */
  static Map<String, Object> body(String slug, List<String> parents) {
    Map<String, Object> m = new HashMap<>();
    m.put("slug", slug);
    m.put("name", "Quokkanet " + slug);
    m.put("aliases", List.of("QN-" + slug));
    m.put("family", "equivariant-message-passing");
    m.put("description", "A throw-away test method.");
    m.put("year", 2024);
    m.put("code_url", "https://example.org/" + slug);
    m.put("licence", "MIT");
    m.put("parameter_count", 1000);
    m.put("parents", parents);
    m.put("training_datasets", List.of("3bpa"));
    return m;
  }

  static ExtractableResponse<Response> create(String key, Map<String, Object> body) {
    return CurationFixtures.created(key, "/api/v1/methods", body);
  }

  /** Creates a method with a fresh slug and the given parents; returns the 201 response. */
  static ExtractableResponse<Response> create(String key, List<String> parents) {
    return create(key, body("qn-" + word(), parents));
  }

  static String etag(String slug) {
    return given()
        .when()
        .get("/api/v1/methods/" + slug)
        .then()
        .statusCode(200)
        .extract()
        .header("ETag");
  }

  static void delete(String slug, int expectedStatus) {
    given()
        .header("Authorization", "Bearer " + CurationFixtures.ADMIN_KEY)
        .header("If-Match", etag(slug))
        .when()
        .delete("/api/v1/methods/" + slug)
        .then()
        .statusCode(expectedStatus);
  }
}
