package org.mlmdkb.paper;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlmdkb.curation.CurationFixtures.ADMIN_KEY;
import static org.mlmdkb.curation.CurationFixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlmdkb.testsupport.ApiTest;

/** An author is public only through a live paper: suggest, stats and the dump agree. */
@QuarkusTest
class DeletedPaperAuthorsTest extends ApiTest {

  /** A unique lower-case word of letters only, so the author's name normalises to itself. */
  private static String word() {
    StringBuilder out = new StringBuilder();
    for (char c : unique().toCharArray()) {
      out.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : c);
    }
    return out.toString();
  }

  /** A paper whose only author is {@code author}; returns the 201 response. */
  private static ExtractableResponse<Response> paperBy(String author) {
    return given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "entry_type",
                "article",
                "title",
                "Sole author paper " + unique(),
                "year",
                2024,
                "doi",
                "10.5555/test-" + unique(),
                "authors",
                List.of(author)))
        .when()
        .post("/api/v1/papers")
        .then()
        .statusCode(201)
        .extract();
  }

  private static void delete(ExtractableResponse<Response> created) {
    org.mlmdkb.curation.CurationFixtures.deleteAsAdmin(
        "/api/v1/papers/" + created.path("id"), created);
  }

  private static List<String> suggested(String q) {
    return given()
        .queryParam("q", q)
        .when()
        .get("/api/v1/suggest")
        .then()
        .statusCode(200)
        .extract()
        .path("items.text");
  }

  private static long authorCount() {
    return ((Number)
            given().when().get("/api/v1/stats").then().statusCode(200).extract().path("authors"))
        .longValue();
  }

  @Test
  void authorOfADeletedPaperIsNoLongerSuggested() {
    String surname = word();
    String author = "Quentin " + surname;
    ExtractableResponse<Response> created = paperBy(author);
    assertTrue(suggested(surname).contains(author));

    delete(created);
    assertFalse(suggested(surname).contains(author));
  }

  @Test
  void statsCountOnlyAuthorsWithALivePaper() {
    long before = authorCount();
    ExtractableResponse<Response> created = paperBy("Quentin " + word());
    assertEquals(before + 1, authorCount());

    delete(created);
    assertEquals(before, authorCount());
  }

  @Test
  void dumpLeavesOutAuthorsWhosePapersAreAllDeleted() {
    String author = "Quentin " + word();
    ExtractableResponse<Response> created = paperBy(author);
    given()
        .when()
        .get("/api/v1/dump")
        .then()
        .statusCode(200)
        .body("tables.author.name", hasItem(author));

    delete(created);
    given()
        .when()
        .get("/api/v1/dump")
        .then()
        .statusCode(200)
        .body("tables.author.name", not(hasItem(author)));
  }
}
