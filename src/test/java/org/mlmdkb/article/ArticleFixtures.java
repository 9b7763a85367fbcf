package org.mlmdkb.article;

import static io.restassured.RestAssured.given;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mlmdkb.curation.CurationFixtures;

/** Throw-away articles for tests; callers pass a unique slug. */
final class ArticleFixtures {

  private ArticleFixtures() {}

  /** A valid article body: two headings' worth of Markdown, one seeded tag, method and dataset. */
  static Map<String, Object> article(String slug, String status) {
    Map<String, Object> body = new HashMap<>();
    body.put("slug", slug);
    body.put("title", "Test article " + slug);
    body.put("summary", "A throw-away article for tests.");
    body.put("body_markdown", "## Why\n\nWords <script>alert(1)</script> and *emphasis*.\n");
    body.put("authors", List.of("Ada Lovelace"));
    body.put("status", status);
    body.put("tags", List.of("machine-learning"));
    body.put("methods", List.of("ace"));
    body.put("datasets", List.of("3bpa"));
    return body;
  }

  static ExtractableResponse<Response> create(String key, Map<String, Object> body) {
    return CurationFixtures.created(key, "/api/v1/articles", body);
  }

  /** The ETag a curator reads (drafts included). */
  static String etag(String key, String slug) {
    return given()
        .header("Authorization", "Bearer " + key)
        .when()
        .get("/api/v1/articles/" + slug)
        .then()
        .statusCode(200)
        .extract()
        .header("ETag");
  }
}
