package org.mlmdkb.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlmdkb.testsupport.ApiTest;

@QuarkusTest
class ArticleResourceTest extends ApiTest {

  @Test
  void listsAtLeastEightPublishedArticlesNewestFirst() {
    List<String> dates =
        given()
            .when()
            .get("/api/v1/articles")
            .then()
            .statusCode(200)
            .body("total", greaterThanOrEqualTo(8))
            .extract()
            .jsonPath()
            .getList("items.published_at", String.class);
    org.junit.jupiter.api.Assertions.assertEquals(
        dates.stream().sorted(java.util.Comparator.reverseOrder()).toList(), dates);
  }

  @Test
  void draftsNeverAppear() {
    given()
        .queryParam("limit", 100)
        .when()
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("items.slug", not(hasItem("long-range-electrostatics-in-ml-potentials")));
    given()
        .when()
        .get("/api/v1/articles/long-range-electrostatics-in-ml-potentials")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void articleCarriesMarkdownSafeHtmlAndResolvedRelatedItems() {
    given()
        .when()
        .get("/api/v1/articles/equivariant-message-passing-networks")
        .then()
        .statusCode(200)
        .body("body_html", containsString("<h"))
        .body("body_html", not(containsString("<script")))
        .body("related.methods.slug", hasItem("nequip"))
        .body("related.datasets.slug", hasItem("3bpa"))
        .body("related.papers.doi", hasItem("10.1038/s41467-022-29939-5"));
  }

  @Test
  void tagFilterMatchesSubTags() {
    given()
        .queryParam("tag", "ml-potentials")
        .queryParam("limit", 100)
        .when()
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("items.slug", hasItem("equivariant-message-passing-networks"));
  }

  @Test
  void pagingOldestFirstWithCursorReachesTheEnd() {
    String cursor =
        given()
            .queryParam("sort", "published_at")
            .queryParam("limit", 5)
            .when()
            .get("/api/v1/articles")
            .then()
            .statusCode(200)
            .body("items[0].slug", equalTo("what-is-machine-learning"))
            .extract()
            .path("next_cursor");
    given()
        .queryParam("sort", "published_at")
        .queryParam("limit", 5)
        .queryParam("cursor", cursor)
        .when()
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("items.slug", everyItem(not(equalTo("what-is-machine-learning"))));
  }

  @Test
  void cursorFromAnotherSortIsRefused() {
    String cursor =
        given()
            .queryParam("limit", 1)
            .when()
            .get("/api/v1/articles")
            .then()
            .statusCode(200)
            .extract()
            .path("next_cursor");
    given()
        .queryParam("sort", "published_at")
        .queryParam("cursor", cursor)
        .when()
        .get("/api/v1/articles")
        .then()
        .statusCode(400)
        .body("errors[0].name", equalTo("cursor"));
  }
}
