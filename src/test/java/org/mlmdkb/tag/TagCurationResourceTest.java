package org.mlmdkb.tag;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.mlmdkb.curation.CurationFixtures.ADMIN_KEY;
import static org.mlmdkb.curation.CurationFixtures.newKey;
import static org.mlmdkb.curation.CurationFixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlmdkb.curation.CurationFixtures;
import org.mlmdkb.testsupport.ApiTest;

@QuarkusTest
class TagCurationResourceTest extends ApiTest {

  private static final String MERGE_PATCH = "application/merge-patch+json";

  @Test
  void createAnswers201WithLocationAndEtagAndTheTagIsListed() {
    String slug = "created-" + unique();
    ExtractableResponse<Response> created =
        given()
            .header("Authorization", "Bearer " + newKey("curator"))
            .contentType(ContentType.JSON)
            .body(Map.of("slug", slug, "label", "  Created tag ", "parent", "machine-learning"))
            .when()
            .post("/api/v1/tags")
            .then()
            .statusCode(201)
            .header("ETag", notNullValue())
            .body("label", equalTo("Created tag"))
            .body("parent", equalTo("machine-learning"))
            .body("paper_count", equalTo(0))
            .extract();
    assertEquals("/api/v1/tags/" + slug, URI.create(created.header("Location")).getPath());
    given()
        .when()
        .get("/api/v1/tags/" + slug)
        .then()
        .statusCode(200)
        .header("ETag", equalTo(created.header("ETag")));
    given().when().get("/api/v1/tags").then().statusCode(200).body("items.slug", hasItem(slug));
  }

  @Test
  void createWithoutKeyIs401() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("slug", "no-key-" + unique(), "label", "No key"))
        .when()
        .post("/api/v1/tags")
        .then()
        .statusCode(401);
  }

  @Test
  void curatorCannotDelete() {
    String key = newKey("curator");
    String slug = "curator-delete-" + unique();
    String etag = create(key, slug, null).header("ETag");
    given()
        .header("Authorization", "Bearer " + key)
        .header("If-Match", etag)
        .when()
        .delete("/api/v1/tags/" + slug)
        .then()
        .statusCode(403);
  }

  @Test
  void createListsEveryInvalidFieldWith422() {
    given()
        .header("Authorization", "Bearer " + newKey("curator"))
        .contentType(ContentType.JSON)
        .body(Map.of("slug", "Not A Slug", "label", " ", "parent", "no-such-tag-" + unique()))
        .when()
        .post("/api/v1/tags")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.name", contains("label", "slug", "parent"));
  }

  @Test
  void createWithTheSlugOfAnotherTagIs409() {
    given()
        .header("Authorization", "Bearer " + newKey("curator"))
        .contentType(ContentType.JSON)
        .body(Map.of("slug", "machine-learning", "label", "Again"))
        .when()
        .post("/api/v1/tags")
        .then()
        .statusCode(409)
        .body("errors.name", contains("slug"));
  }

  @Test
  void getAnswers304WhenIfNoneMatchIsCurrent() {
    String etag =
        given().when().get("/api/v1/tags/machine-learning").then().extract().header("ETag");
    given()
        .header("If-None-Match", etag)
        .when()
        .get("/api/v1/tags/machine-learning")
        .then()
        .statusCode(304)
        .header("ETag", equalTo(etag));
  }

  @Test
  void renamingTheSlugCarriesPapersAndChildTagsAlong() {
    String key = newKey("curator");
    String slug = "rename-" + unique();
    create(key, slug, null);
    String child = slug + "-child";
    create(key, child, slug);
    Map<String, Object> paper = paperWithTag(slug);
    int paperId =
        given()
            .header("Authorization", "Bearer " + key)
            .contentType(ContentType.JSON)
            .body(paper)
            .when()
            .post("/api/v1/papers")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String renamed = slug + "-renamed";
    ExtractableResponse<Response> replaced =
        given()
            .header("Authorization", "Bearer " + key)
            .header("If-Match", etag(slug))
            .contentType(ContentType.JSON)
            .body(Map.of("slug", renamed, "label", "Renamed"))
            .when()
            .put("/api/v1/tags/" + slug)
            .then()
            .statusCode(200)
            .body("slug", equalTo(renamed))
            .body("paper_count", equalTo(1))
            .extract();
    assertEquals("/api/v1/tags/" + renamed, URI.create(replaced.header("Location")).getPath());
    given().when().get("/api/v1/tags/" + slug).then().statusCode(404);
    given().when().get("/api/v1/papers/" + paperId).then().body("tags", contains(renamed));
    given().when().get("/api/v1/tags/" + child).then().body("parent", equalTo(renamed));
  }

  @Test
  void patchMergesTheLabelAndKeepsTheParent() {
    String key = newKey("curator");
    String slug = "patch-" + unique();
    String etag = create(key, slug, "machine-learning").header("ETag");
    patch(key, slug, etag, Map.of("label", "Patched"))
        .then()
        .statusCode(200)
        .body("label", equalTo("Patched"))
        .body("parent", equalTo("machine-learning"));
    given()
        .header("Authorization", "Bearer " + org.mlmdkb.curation.CurationFixtures.ADMIN_KEY)
        .when()
        .get("/api/v1/tags/" + slug + "/history")
        .then()
        .body("items.action", contains("create", "update"))
        .body("items[1].before.label", equalTo("Label of " + slug))
        .body("items[1].after.label", equalTo("Patched"));
  }

  @Test
  void aParentBelowTheTagItselfIs422() {
    String key = newKey("curator");
    String top = "cycle-" + unique();
    String etag = create(key, top, null).header("ETag");
    String child = top + "-child";
    create(key, child, top);
    patch(key, top, etag, Map.of("parent", child))
        .then()
        .statusCode(422)
        .body("errors.name", contains("parent"))
        .body("errors[0].message", containsString("cycle"));
  }

  @Test
  void patchWithoutIfMatchIs428() {
    String key = newKey("curator");
    String slug = "no-if-match-" + unique();
    create(key, slug, null);
    given()
        .header("Authorization", "Bearer " + key)
        .contentType(MERGE_PATCH)
        .body(Map.of("label", "Nope"))
        .when()
        .patch("/api/v1/tags/" + slug)
        .then()
        .statusCode(428);
  }

  @Test
  void patchWithAStaleEtagIs412() {
    String key = newKey("curator");
    String slug = "stale-" + unique();
    String stale = create(key, slug, null).header("ETag");
    patch(key, slug, stale, Map.of("label", "First")).then().statusCode(200);
    patch(key, slug, stale, Map.of("label", "Second")).then().statusCode(412);
  }

  @Test
  void twoClientsWithTheSameIfMatchGetOneSuccessAndOne412() throws Exception {
    String key = newKey("curator");
    String slug = "race-" + unique();
    String etag = create(key, slug, null).header("ETag");
    assertEquals(
        List.of(200, 412),
        org.mlmdkb.curation.CurationFixtures.concurrentPatchStatuses(
            key,
            "/api/v1/tags/" + slug,
            etag,
            List.of(Map.of("label", "Label A"), Map.of("label", "Label B"))));
    given()
        .header("Authorization", "Bearer " + org.mlmdkb.curation.CurationFixtures.ADMIN_KEY)
        .when()
        .get("/api/v1/tags/" + slug + "/history")
        .then()
        .body("items.action", contains("create", "update"));
  }

  @Test
  void deleteIsRefusedWhileALivePaperUsesTheTag() {
    String slug = "in-use-" + unique();
    create(ADMIN_KEY, slug, null);
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .contentType(ContentType.JSON)
        .body(paperWithTag(slug))
        .when()
        .post("/api/v1/papers")
        .then()
        .statusCode(201);
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .header("If-Match", etag(slug))
        .when()
        .delete("/api/v1/tags/" + slug)
        .then()
        .statusCode(409)
        .body("detail", containsString("1 live paper(s), 0 article(s) and 0 child tag(s)"));
  }

  @Test
  void deleteIsRefusedWhileALiveChildTagExists() {
    String slug = "parent-" + unique();
    create(ADMIN_KEY, slug, null);
    create(ADMIN_KEY, slug + "-child", slug);
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .header("If-Match", etag(slug))
        .when()
        .delete("/api/v1/tags/" + slug)
        .then()
        .statusCode(409)
        .body("detail", containsString("1 child tag(s)"));
  }

  @Test
  void deleteHidesTheTagAndRestoreBringsItBack() {
    String slug = "deleted-" + unique();
    String label = "Vanishing quasicrystal " + unique();
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .contentType(ContentType.JSON)
        .body(Map.of("slug", slug, "label", label))
        .when()
        .post("/api/v1/tags")
        .then()
        .statusCode(201);
    given()
        .queryParam("q", "vanishing quasicrystal")
        .when()
        .get("/api/v1/suggest")
        .then()
        .statusCode(200)
        .body("items.text", hasItem(label));
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .header("If-Match", etag(slug))
        .when()
        .delete("/api/v1/tags/" + slug)
        .then()
        .statusCode(204);

    given().when().get("/api/v1/tags/" + slug).then().statusCode(404);
    given().when().get("/api/v1/tags").then().body("items.slug", not(hasItem(slug)));
    given()
        .queryParam("q", "vanishing quasicrystal")
        .when()
        .get("/api/v1/suggest")
        .then()
        .statusCode(200)
        .body("items.text", not(hasItem(label)));
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .contentType(ContentType.JSON)
        .body(paperWithTag(slug))
        .when()
        .post("/api/v1/papers")
        .then()
        .statusCode(422)
        .body("errors.name", contains("tags"));

    given()
        .urlEncodingEnabled(false)
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .when()
        .post("/api/v1/tags/" + slug + ":restore")
        .then()
        .statusCode(200)
        .header("ETag", notNullValue())
        .body("label", equalTo(label));
    given().when().get("/api/v1/tags/" + slug).then().statusCode(200);
    given()
        .header("Authorization", "Bearer " + org.mlmdkb.curation.CurationFixtures.ADMIN_KEY)
        .when()
        .get("/api/v1/tags/" + slug + "/history")
        .then()
        .body("items.action", contains("create", "delete", "restore"));
  }

  @Test
  void restoreUnderADeletedParentIs409() {
    String parent = "gone-parent-" + unique();
    String child = parent + "-child";
    create(ADMIN_KEY, parent, null);
    create(ADMIN_KEY, child, parent);
    delete(child);
    delete(parent);
    given()
        .urlEncodingEnabled(false)
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .when()
        .post("/api/v1/tags/" + child + ":restore")
        .then()
        .statusCode(409)
        .body("detail", containsString(parent));
  }

  @Test
  void historyPagesWithLimitAndCursor() {
    String key = newKey("curator");
    String slug = "history-" + unique();
    String etag = create(key, slug, null).header("ETag");
    patch(key, slug, etag, Map.of("label", "Second")).then().statusCode(200);
    String path = "/api/v1/tags/" + slug + "/history";
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
        .body("next_cursor", nullValue());
  }

  @Test
  void malformedJsonIs400() {
    given()
        .header("Authorization", "Bearer " + newKey("curator"))
        .contentType(ContentType.JSON)
        .body("{\"slug\": ")
        .when()
        .post("/api/v1/tags")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void unknownPropertyIs400() {
    given()
        .header("Authorization", "Bearer " + newKey("curator"))
        .contentType(ContentType.JSON)
        .body(Map.of("slug", "unknown-" + unique(), "label", "X", "paper_count", 3))
        .when()
        .post("/api/v1/tags")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  private static ExtractableResponse<Response> create(String key, String slug, String parent) {
    Map<String, Object> body = new HashMap<>();
    body.put("slug", slug);
    body.put("label", "Label of " + slug);
    body.put("parent", parent);
    return CurationFixtures.created(key, "/api/v1/tags", body);
  }

  private static String etag(String slug) {
    return given()
        .when()
        .get("/api/v1/tags/" + slug)
        .then()
        .statusCode(200)
        .extract()
        .header("ETag");
  }

  private static void delete(String slug) {
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .header("If-Match", etag(slug))
        .when()
        .delete("/api/v1/tags/" + slug)
        .then()
        .statusCode(204);
  }

  private static Map<String, Object> paperWithTag(String slug) {
    return Map.of(
        "entry_type",
        "article",
        "title",
        "Tagged paper " + unique(),
        "doi",
        "10.5555/test-" + unique(),
        "tags",
        List.of(slug));
  }

  private static Response patch(String key, String slug, String etag, Map<String, ?> patch) {
    return given()
        .header("Authorization", "Bearer " + key)
        .header("If-Match", etag)
        .contentType(MERGE_PATCH)
        .body(patch)
        .when()
        .patch("/api/v1/tags/" + slug);
  }
}
