package org.mlmdkb.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.mlmdkb.curation.CurationFixtures.ADMIN_KEY;
import static org.mlmdkb.curation.CurationFixtures.newKey;
import static org.mlmdkb.curation.CurationFixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.mlmdkb.testsupport.ApiTest;

@QuarkusTest
class HistoryVisibilityTest extends ApiTest {

  @Test
  void aDraftsHistoryIsA404WithoutAKey() {
    String slug = "draft-history-" + unique();
    ArticleFixtures.create(newKey("curator"), ArticleFixtures.article(slug, "draft"));
    given()
        .when()
        .get("/api/v1/articles/" + slug + "/history")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", containsString("needs an API key"));
  }

  @Test
  void aDraftsHistoryShowsWithAKeyAndNamesTheCurator() {
    String slug = "draft-history-" + unique();
    String key = newKey("curator");
    ArticleFixtures.create(key, ArticleFixtures.article(slug, "draft"));
    given()
        .header("Authorization", "Bearer " + key)
        .when()
        .get("/api/v1/articles/" + slug + "/history")
        .then()
        .statusCode(200)
        .body("items.key_name", hasItem(startsWith("curator-")));
  }

  @Test
  void aPublishedItemsHistoryHidesKeyNamesWithoutAKey() {
    String slug = "public-history-" + unique();
    ArticleFixtures.create(newKey("curator"), ArticleFixtures.article(slug, "published"));
    given()
        .when()
        .get("/api/v1/articles/" + slug + "/history")
        .then()
        .statusCode(200)
        .body("items.key_name", everyItem(nullValue()));
  }

  @Test
  void aDeletedItemsHistoryIsA404WithoutAKeyAndShowsWithOne() {
    String slug = "deleted-history-" + unique();
    ArticleFixtures.create(newKey("curator"), ArticleFixtures.article(slug, "published"));
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .header("If-Match", ArticleFixtures.etag(ADMIN_KEY, slug))
        .when()
        .delete("/api/v1/articles/" + slug)
        .then()
        .statusCode(204);
    given().when().get("/api/v1/articles/" + slug + "/history").then().statusCode(404);
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .when()
        .get("/api/v1/articles/" + slug + "/history")
        .then()
        .statusCode(200)
        .body("items.action", hasItem("delete"));
  }
}
