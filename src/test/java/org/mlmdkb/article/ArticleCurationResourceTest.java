package org.mlmdkb.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.mlmdkb.article.ArticleFixtures.article;
import static org.mlmdkb.article.ArticleFixtures.create;
import static org.mlmdkb.article.ArticleFixtures.etag;
import static org.mlmdkb.curation.CurationFixtures.ADMIN_KEY;
import static org.mlmdkb.curation.CurationFixtures.createPaper;
import static org.mlmdkb.curation.CurationFixtures.newKey;
import static org.mlmdkb.curation.CurationFixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlmdkb.testsupport.ApiTest;

@QuarkusTest
class ArticleCurationResourceTest extends ApiTest {

  private static final String MERGE_PATCH = "application/merge-patch+json";

  @Test
  void createAnswers201WithLocationEtagAndServerDerivedFields() {
    String key = newKey("curator");
    int paperId = createPaper(key, "Cited by an article " + unique()).path("id");
    String slug = "created-" + unique();
    Map<String, Object> body = article(slug, "published");
    body.put("papers", List.of(paperId));
    ExtractableResponse<Response> created =
        given()
            .header("Authorization", "Bearer " + key)
            .contentType(ContentType.JSON)
            .body(body)
            .when()
            .post("/api/v1/articles")
            .then()
            .statusCode(201)
            .header("ETag", notNullValue())
            .body("status", equalTo("published"))
            .body("published_at", notNullValue())
            .body("reading_time_minutes", equalTo(1))
            .body("body_html", containsString("<h2>Why</h2>"))
            .body("body_html", not(containsString("<script")))
            .body("tags", contains("machine-learning"))
            .body("related.papers.id", contains(paperId))
            .body("related.methods.slug", contains("ace"))
            .body("related.datasets.slug", contains("3bpa"))
            .extract();
    assertEquals("/api/v1/articles/" + slug, URI.create(created.header("Location")).getPath());
    given()
        .when()
        .get("/api/v1/articles/" + slug)
        .then()
        .statusCode(200)
        .header("ETag", equalTo(created.header("ETag")));
  }

  @Test
  void createWithoutKeyIs401() {
    given()
        .contentType(ContentType.JSON)
        .body(article("no-key-" + unique(), "draft"))
        .when()
        .post("/api/v1/articles")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void curatorCannotDelete() {
    String key = newKey("curator");
    String slug = "curator-delete-" + unique();
    String etag = create(key, article(slug, "published")).header("ETag");
    given()
        .header("Authorization", "Bearer " + key)
        .header("If-Match", etag)
        .when()
        .delete("/api/v1/articles/" + slug)
        .then()
        .statusCode(403);
    given().when().get("/api/v1/articles/" + slug).then().statusCode(200);
  }

  @Test
  void createListsEveryInvalidFieldWith422() {
    Map<String, Object> body = article("Not A Slug", "live");
    body.put("title", " ");
    body.put("body_markdown", "x".repeat(ArticleInput.MAX_BODY + 1));
    body.put("tags", List.of("no-such-tag-" + unique()));
    body.put("papers", List.of(987654321987L));
    body.put("methods", List.of("no-such-method-" + unique()));
    body.put("datasets", List.of("no-such-dataset-" + unique()));
    given()
        .header("Authorization", "Bearer " + newKey("curator"))
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/api/v1/articles")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body(
            "errors.name",
            contains(
                "body_markdown",
                "title",
                "slug",
                "status",
                "tags",
                "papers",
                "methods",
                "datasets"));
  }

  @Test
  void createWithTheSlugOfAnotherArticleIs409() {
    given()
        .header("Authorization", "Bearer " + newKey("curator"))
        .contentType(ContentType.JSON)
        .body(article("equivariant-message-passing-networks", "draft"))
        .when()
        .post("/api/v1/articles")
        .then()
        .statusCode(409)
        .body("errors.name", contains("slug"));
  }

  @Test
  void draftIsHiddenFromReadersAndShownToKeyHolders() {
    String key = newKey("curator");
    String slug = "draft-" + unique();
    create(key, article(slug, "draft"));
    given().when().get("/api/v1/articles/" + slug).then().statusCode(404);
    given()
        .queryParam("limit", 100)
        .when()
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("items.slug", not(hasItem(slug)));
    given()
        .header("Authorization", "Bearer " + newKey("curator"))
        .when()
        .get("/api/v1/articles/" + slug)
        .then()
        .statusCode(200)
        .header("ETag", notNullValue())
        .header("Cache-Control", containsString("no-store"))
        .body("status", equalTo("draft"))
        .body("published_at", nullValue());
  }

  @Test
  void readWithAnInvalidKeyIs401() {
    given()
        .header("Authorization", "Bearer not-a-key-" + unique())
        .when()
        .get("/api/v1/articles/equivariant-message-passing-networks")
        .then()
        .statusCode(401)
        .body("errors.name", contains("Authorization"));
  }

  @Test
  void getAnswers304WhenIfNoneMatchIsCurrent() {
    String path = "/api/v1/articles/equivariant-message-passing-networks";
    String etag = given().when().get(path).then().statusCode(200).extract().header("ETag");
    given()
        .header("If-None-Match", etag)
        .when()
        .get(path)
        .then()
        .statusCode(304)
        .header("ETag", equalTo(etag));
  }

  @Test
  void putReplacesTheWholeStateAndRenamesTheSlug() {
    String key = newKey("curator");
    String slug = "put-" + unique();
    String etag = create(key, article(slug, "published")).header("ETag");
    String renamed = slug + "-renamed";
    Map<String, Object> body =
        Map.of(
            "slug", renamed,
            "title", "Replaced",
            "summary", "Replaced summary.",
            "body_markdown", "Just one line.",
            "status", "published");
    ExtractableResponse<Response> replaced =
        given()
            .header("Authorization", "Bearer " + key)
            .header("If-Match", etag)
            .contentType(ContentType.JSON)
            .body(body)
            .when()
            .put("/api/v1/articles/" + slug)
            .then()
            .statusCode(200)
            .body("slug", equalTo(renamed))
            .body("authors", hasSize(0))
            .body("tags", hasSize(0))
            .body("related.methods", hasSize(0))
            .body("body_html", containsString("<p>Just one line.</p>"))
            .extract();
    assertEquals("/api/v1/articles/" + renamed, URI.create(replaced.header("Location")).getPath());
    given().when().get("/api/v1/articles/" + slug).then().statusCode(404);
    given().when().get("/api/v1/articles/" + renamed).then().statusCode(200);
  }

  @Test
  void patchMergesAndPublishingSetsPublishedAtOnce() {
    String key = newKey("curator");
    String slug = "patch-" + unique();
    String etag = create(key, article(slug, "draft")).header("ETag");
    String publishedAt =
        patch(key, slug, etag, Map.of("status", "published"))
            .then()
            .statusCode(200)
            .body("published_at", notNullValue())
            .extract()
            .path("published_at");
    patch(key, slug, etag(key, slug), Map.of("title", "Retitled", "authors", List.of()))
        .then()
        .statusCode(200)
        .body("title", equalTo("Retitled"))
        .body("authors", hasSize(0))
        .body("tags", contains("machine-learning"))
        .body("published_at", equalTo(publishedAt));
    given()
        .header("Authorization", "Bearer " + org.mlmdkb.curation.CurationFixtures.ADMIN_KEY)
        .when()
        .get("/api/v1/articles/" + slug + "/history")
        .then()
        .statusCode(200)
        .body("items.action", contains("create", "update", "update"))
        .body("items[1].before.status", equalTo("draft"))
        .body("items[1].after.status", equalTo("published"));
  }

  @Test
  void unpublishingHidesTheArticleButKeepsItsPublicationDate() {
    String key = newKey("curator");
    String slug = "unpublish-" + unique();
    ExtractableResponse<Response> created = create(key, article(slug, "published"));
    String publishedAt = created.path("published_at");
    patch(key, slug, created.header("ETag"), Map.of("status", "draft"))
        .then()
        .statusCode(200)
        .body("status", equalTo("draft"))
        .body("published_at", equalTo(publishedAt));
    given().when().get("/api/v1/articles/" + slug).then().statusCode(404);
  }

  @Test
  void patchWithoutIfMatchIs428() {
    String key = newKey("curator");
    String slug = "no-if-match-" + unique();
    create(key, article(slug, "draft"));
    given()
        .header("Authorization", "Bearer " + key)
        .contentType(MERGE_PATCH)
        .body(Map.of("title", "Nope"))
        .when()
        .patch("/api/v1/articles/" + slug)
        .then()
        .statusCode(428)
        .body("errors.name", contains("If-Match"));
  }

  @Test
  void putWithAStaleEtagIs412() {
    String key = newKey("curator");
    String slug = "stale-" + unique();
    String stale = create(key, article(slug, "draft")).header("ETag");
    patch(key, slug, stale, Map.of("title", "First change")).then().statusCode(200);
    given()
        .header("Authorization", "Bearer " + key)
        .header("If-Match", stale)
        .contentType(ContentType.JSON)
        .body(article(slug, "draft"))
        .when()
        .put("/api/v1/articles/" + slug)
        .then()
        .statusCode(412)
        .contentType("application/problem+json");
  }

  @Test
  void twoClientsWithTheSameIfMatchGetOneSuccessAndOne412() throws Exception {
    String key = newKey("curator");
    String slug = "race-" + unique();
    String etag = create(key, article(slug, "draft")).header("ETag");
    assertEquals(
        List.of(200, 412),
        org.mlmdkb.curation.CurationFixtures.concurrentPatchStatuses(
            key,
            "/api/v1/articles/" + slug,
            etag,
            List.of(Map.of("title", "Title A"), Map.of("title", "Title B"))));
    given()
        .header("Authorization", "Bearer " + org.mlmdkb.curation.CurationFixtures.ADMIN_KEY)
        .when()
        .get("/api/v1/articles/" + slug + "/history")
        .then()
        .body("items.action", contains("create", "update"));
  }

  @Test
  void deleteHidesTheArticleEverywhereAndRestoreBringsItBack() {
    String slug = "deleted-" + unique();
    Map<String, Object> body = article(slug, "published");
    String title = "Vanishing zeolite " + unique();
    body.put("title", title);
    String etag = create(ADMIN_KEY, body).header("ETag");
    given()
        .queryParam("q", title)
        .queryParam("type", "article")
        .when()
        .get("/api/v1/search")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(slug));
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .header("If-Match", etag)
        .when()
        .delete("/api/v1/articles/" + slug)
        .then()
        .statusCode(204);

    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .when()
        .get("/api/v1/articles/" + slug)
        .then()
        .statusCode(404);
    given()
        .queryParam("limit", 100)
        .when()
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("items.slug", not(hasItem(slug)));
    given()
        .queryParam("q", title)
        .queryParam("type", "article")
        .when()
        .get("/api/v1/search")
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(slug)));

    given()
        .urlEncodingEnabled(false)
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .when()
        .post("/api/v1/articles/" + slug + ":restore")
        .then()
        .statusCode(200)
        .header("ETag", notNullValue())
        .body("title", equalTo(title));
    given().when().get("/api/v1/articles/" + slug).then().statusCode(200);
    given()
        .header("Authorization", "Bearer " + org.mlmdkb.curation.CurationFixtures.ADMIN_KEY)
        .when()
        .get("/api/v1/articles/" + slug + "/history")
        .then()
        .body("items.action", contains("create", "delete", "restore"));
  }

  @Test
  void aDeletedArticleNoLongerCountsForItsTag() {
    String tag = "counted-" + unique();
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .contentType(ContentType.JSON)
        .body(Map.of("slug", tag, "label", "Counted"))
        .when()
        .post("/api/v1/tags")
        .then()
        .statusCode(201);
    String slug = "counted-article-" + unique();
    Map<String, Object> body = article(slug, "published");
    body.put("tags", List.of(tag));
    String etag = create(ADMIN_KEY, body).header("ETag");
    given().when().get("/api/v1/tags/" + tag).then().body("article_count", equalTo(1));
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .header("If-Match", etag)
        .when()
        .delete("/api/v1/articles/" + slug)
        .then()
        .statusCode(204);
    given().when().get("/api/v1/tags/" + tag).then().body("article_count", equalTo(0));
  }

  @Test
  void historyPagesWithLimitAndCursor() {
    String key = newKey("curator");
    String slug = "history-" + unique();
    String etag = create(key, article(slug, "draft")).header("ETag");
    patch(key, slug, etag, Map.of("title", "Second")).then().statusCode(200);
    String path = "/api/v1/articles/" + slug + "/history";
    String cursor =
        given()
            .header("Authorization", "Bearer " + org.mlmdkb.curation.CurationFixtures.ADMIN_KEY)
            .queryParam("limit", 1)
            .when()
            .get(path)
            .then()
            .statusCode(200)
            .body("items.action", contains("create"))
            .extract()
            .path("next_cursor");
    assertNotNull(cursor);
    given()
        .header("Authorization", "Bearer " + org.mlmdkb.curation.CurationFixtures.ADMIN_KEY)
        .queryParam("limit", 1)
        .queryParam("cursor", cursor)
        .when()
        .get(path)
        .then()
        .statusCode(200)
        .body("items.action", contains("update"))
        .body("items[0].after.title", equalTo("Second"))
        .body("next_cursor", nullValue());
  }

  @Test
  void malformedJsonIs400() {
    given()
        .header("Authorization", "Bearer " + newKey("curator"))
        .contentType(ContentType.JSON)
        .body("{\"slug\": \"broken\", ")
        .when()
        .post("/api/v1/articles")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void unknownPropertyIs400() {
    Map<String, Object> body = article("unknown-property-" + unique(), "draft");
    body.put("body_html", "<p>the server renders this</p>");
    given()
        .header("Authorization", "Bearer " + newKey("curator"))
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/api/v1/articles")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  private static Response patch(String key, String slug, String etag, Map<String, ?> patch) {
    return given()
        .header("Authorization", "Bearer " + key)
        .header("If-Match", etag)
        .contentType(MERGE_PATCH)
        .body(patch)
        .when()
        .patch("/api/v1/articles/" + slug);
  }
}
