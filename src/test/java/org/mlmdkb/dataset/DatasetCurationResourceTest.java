package org.mlmdkb.dataset;

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
import static org.mlmdkb.curation.CurationFixtures.ADMIN_KEY;
import static org.mlmdkb.curation.CurationFixtures.newKey;
import static org.mlmdkb.curation.CurationFixtures.unique;
import static org.mlmdkb.dataset.DatasetFixtures.body;
import static org.mlmdkb.dataset.DatasetFixtures.create;
import static org.mlmdkb.dataset.DatasetFixtures.etag;

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
class DatasetCurationResourceTest extends ApiTest {

  private static final String MERGE_PATCH = "application/merge-patch+json";

  @Test
  void createAnswers201WithLocationAndEtagAndGetShowsTheDataset() {
    Map<String, Object> body = body();
    String slug = (String) body.get("slug");
    body.put("slug", "  " + slug.toUpperCase() + " ");
    ExtractableResponse<Response> created =
        given()
            .header("Authorization", "Bearer " + newKey("curator"))
            .contentType(ContentType.JSON)
            .body(body)
            .when()
            .post("/api/v1/datasets")
            .then()
            .statusCode(201)
            .header("ETag", notNullValue())
            .body("slug", equalTo(slug))
            .body("subsets.slug", contains("cold", "hot"))
            .extract();
    assertEquals("/api/v1/datasets/" + slug, URI.create(created.header("Location")).getPath());
    given()
        .when()
        .get("/api/v1/datasets/" + slug)
        .then()
        .statusCode(200)
        .header("ETag", equalTo(created.header("ETag")))
        .body("name", equalTo(body.get("name")))
        .body("domain", equalTo("small-molecules"))
        .body("n_structures", equalTo(1000))
        .body("subsets.temperature_k", contains(300, 600));
  }

  @Test
  void getAnswers304WhenIfNoneMatchIsCurrent() {
    String etag = etag("rmd17");
    given()
        .header("If-None-Match", etag)
        .when()
        .get("/api/v1/datasets/rmd17")
        .then()
        .statusCode(304)
        .header("ETag", equalTo(etag));
  }

  @Test
  void createWithoutKeyIs401() {
    given()
        .contentType(ContentType.JSON)
        .body(body())
        .when()
        .post("/api/v1/datasets")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void curatorDeleteIs403() {
    String key = newKey("curator");
    ExtractableResponse<Response> created = create(key, body());
    given()
        .header("Authorization", "Bearer " + key)
        .header("If-Match", created.header("ETag"))
        .when()
        .delete("/api/v1/datasets/" + created.path("slug"))
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    given().when().get("/api/v1/datasets/" + created.path("slug")).then().statusCode(200);
  }

  @Test
  void createListsEveryInvalidFieldWith422() {
    Map<String, Object> body = body();
    body.put("slug", "Not a slug!");
    body.put("name", " ");
    body.put("domain", "planets");
    body.put("n_structures", -1);
    body.put("url", "ftp://example.org/data");
    body.put("paper", Map.of("id", 999_999_999, "doi", "not-a-doi"));
    body.put(
        "subsets",
        List.of(
            Map.of("slug", "a", "name", "A", "temperature_k", -5),
            Map.of("slug", "a", "name", "A again")));
    given()
        .header("Authorization", "Bearer " + newKey("curator"))
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/api/v1/datasets")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body(
            "errors.name",
            contains(
                "n_structures",
                "name",
                "subsets[0].temperature_k",
                "slug",
                "domain",
                "url",
                "paper.doi",
                "subsets[1].slug",
                "paper.id"))
        .body("errors.find { it.name == 'domain' }.message", containsString("small-molecules"))
        .body("errors.find { it.name == 'domain' }.message", containsString("surfaces"));
  }

  @Test
  void createWithTheSlugOfAnotherDatasetIs409() {
    Map<String, Object> body = body();
    body.put("slug", "rmd17");
    given()
        .header("Authorization", "Bearer " + newKey("curator"))
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/api/v1/datasets")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("errors.name", contains("slug"))
        .body("errors[0].message", not(containsString("deleted")));
  }

  @Test
  void theSlugOfADeletedDatasetIs409SayingItCanBeRestored() {
    ExtractableResponse<Response> created = create(ADMIN_KEY, body());
    String slug = created.path("slug");
    delete(slug, created.header("ETag")).then().statusCode(204);
    Map<String, Object> again = body();
    again.put("slug", slug);
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .contentType(ContentType.JSON)
        .body(again)
        .when()
        .post("/api/v1/datasets")
        .then()
        .statusCode(409)
        .body("errors[0].name", equalTo("slug"))
        .body("errors[0].message", containsString("deleted; an admin can restore it"));
  }

  @Test
  void putReplacesTheWholeStateAndClearsWhatIsLeftOut() {
    String key = newKey("curator");
    ExtractableResponse<Response> created = create(key, body());
    String slug = created.path("slug");
    given()
        .header("Authorization", "Bearer " + key)
        .header("If-Match", created.header("ETag"))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "slug",
                slug,
                "name",
                "Replaced",
                "domain",
                "liquids",
                "subsets",
                List.of(Map.of("slug", "cold", "name", "Cold"))))
        .when()
        .put("/api/v1/datasets/" + slug)
        .then()
        .statusCode(200)
        .header("ETag", not(equalTo(created.header("ETag"))))
        .body("name", equalTo("Replaced"))
        .body("domain", equalTo("liquids"))
        .body("aliases", hasSize(0))
        .body("description", nullValue())
        .body("url", nullValue())
        .body("n_structures", nullValue())
        .body("subsets.slug", contains("cold"))
        .body("subsets[0].temperature_k", nullValue());
  }

  @Test
  void putCanRenameTheSlugAndLocationNamesTheNewOne() {
    String key = newKey("curator");
    Map<String, Object> body = body();
    ExtractableResponse<Response> created = create(key, body);
    String oldSlug = created.path("slug");
    String newSlug = "renamed-" + unique();
    body.put("slug", newSlug);
    ExtractableResponse<Response> renamed =
        given()
            .header("Authorization", "Bearer " + key)
            .header("If-Match", created.header("ETag"))
            .contentType(ContentType.JSON)
            .body(body)
            .when()
            .put("/api/v1/datasets/" + oldSlug)
            .then()
            .statusCode(200)
            .body("slug", equalTo(newSlug))
            .extract();
    assertEquals("/api/v1/datasets/" + newSlug, URI.create(renamed.header("Location")).getPath());
    given().when().get("/api/v1/datasets/" + oldSlug).then().statusCode(404);
    given()
        .header("Authorization", "Bearer " + org.mlmdkb.curation.CurationFixtures.ADMIN_KEY)
        .when()
        .get("/api/v1/datasets/" + newSlug + "/history")
        .then()
        .statusCode(200)
        .body("items.action", contains("create", "update"))
        .body("items[1].before.slug", equalTo(oldSlug))
        .body("items[1].after.slug", equalTo(newSlug));
  }

  @Test
  void patchMergesAndRecordsBeforeAndAfter() {
    String key = newKey("curator");
    ExtractableResponse<Response> created = create(key, body());
    String slug = created.path("slug");
    given()
        .header("Authorization", "Bearer " + key)
        .header("If-Match", created.header("ETag"))
        .contentType(MERGE_PATCH)
        .body("{\"licence\": null, \"n_materials\": 12, \"aliases\": [\"Other name\"]}")
        .when()
        .patch("/api/v1/datasets/" + slug)
        .then()
        .statusCode(200)
        .body("licence", nullValue())
        .body("n_materials", equalTo(12))
        .body("aliases", contains("Other name"))
        .body("url", equalTo("https://example.org/test-set"))
        .body("subsets.slug", contains("cold", "hot"));
    given()
        .header("Authorization", "Bearer " + org.mlmdkb.curation.CurationFixtures.ADMIN_KEY)
        .when()
        .get("/api/v1/datasets/" + slug + "/history")
        .then()
        .statusCode(200)
        .body("items.action", contains("create", "update"))
        .body("items[1].collection", equalTo("datasets"))
        .body("items[1].before.licence", equalTo("CC-BY-4.0"))
        .body("items[1].after.licence", nullValue())
        .body("items[1].after.n_materials", equalTo(12))
        .body("items[1].key_name", org.hamcrest.Matchers.startsWith("curator-"));
  }

  @Test
  void aPatchThatChangesNothingRecordsNoHistory() {
    String key = newKey("curator");
    ExtractableResponse<Response> created = create(key, body());
    String slug = created.path("slug");
    given()
        .header("Authorization", "Bearer " + key)
        .header("If-Match", created.header("ETag"))
        .contentType(MERGE_PATCH)
        .body(
            "{\"subsets\": [{\"slug\": \"hot\", \"name\": \"600 K\", \"temperature_k\": 600.0},"
                + " {\"slug\": \"cold\", \"name\": \"300 K\", \"temperature_k\": 3E+2}]}")
        .when()
        .patch("/api/v1/datasets/" + slug)
        .then()
        .statusCode(200)
        .header("ETag", equalTo(created.header("ETag")));
    given()
        .header("Authorization", "Bearer " + org.mlmdkb.curation.CurationFixtures.ADMIN_KEY)
        .when()
        .get("/api/v1/datasets/" + slug + "/history")
        .then()
        .body("items.action", contains("create"));
  }

  @Test
  void patchWithoutIfMatchIs428() {
    String key = newKey("curator");
    String slug = create(key, body()).path("slug");
    given()
        .header("Authorization", "Bearer " + key)
        .contentType(MERGE_PATCH)
        .body(Map.of("name", "Elsewhere"))
        .when()
        .patch("/api/v1/datasets/" + slug)
        .then()
        .statusCode(428)
        .contentType("application/problem+json")
        .body("errors.name", contains("If-Match"));
  }

  @Test
  void putWithAStaleEtagIs412() {
    String key = newKey("curator");
    Map<String, Object> body = body();
    ExtractableResponse<Response> created = create(key, body);
    String slug = created.path("slug");
    String stale = created.header("ETag");
    given()
        .header("Authorization", "Bearer " + key)
        .header("If-Match", stale)
        .contentType(MERGE_PATCH)
        .body(Map.of("name", "First change"))
        .when()
        .patch("/api/v1/datasets/" + slug)
        .then()
        .statusCode(200);
    body.put("name", "Second change");
    given()
        .header("Authorization", "Bearer " + key)
        .header("If-Match", stale)
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .put("/api/v1/datasets/" + slug)
        .then()
        .statusCode(412)
        .contentType("application/problem+json")
        .body("errors.name", contains("If-Match"));
    given().when().get("/api/v1/datasets/" + slug).then().body("name", equalTo("First change"));
  }

  @Test
  void twoClientsWithTheSameIfMatchGetOneSuccessAndOne412() throws Exception {
    String key = newKey("curator");
    ExtractableResponse<Response> created = create(key, body());
    String slug = created.path("slug");
    String etag = created.header("ETag");
    assertEquals(
        List.of(200, 412),
        org.mlmdkb.curation.CurationFixtures.concurrentPatchStatuses(
            key,
            "/api/v1/datasets/" + slug,
            etag,
            List.of(Map.of("name", "Name A"), Map.of("name", "Name B"))));
    given()
        .header("Authorization", "Bearer " + org.mlmdkb.curation.CurationFixtures.ADMIN_KEY)
        .when()
        .get("/api/v1/datasets/" + slug + "/history")
        .then()
        .statusCode(200)
        .body("items.action", contains("create", "update"));
  }

  @Test
  void deleteHidesTheDatasetFromListDetailSearchSuggestAndStats() {
    Map<String, Object> body = body();
    String name = "Zyxwvut " + unique();
    body.put("name", name);
    ExtractableResponse<Response> created = create(ADMIN_KEY, body);
    String slug = created.path("slug");
    given()
        .queryParam("q", name)
        .queryParam("type", "dataset")
        .when()
        .get("/api/v1/search")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(slug));
    given()
        .queryParam("q", name)
        .when()
        .get("/api/v1/suggest")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(slug));
    int datasetsBefore = given().when().get("/api/v1/stats").then().extract().path("datasets");

    delete(slug, created.header("ETag")).then().statusCode(204);

    given().when().get("/api/v1/datasets/" + slug).then().statusCode(404);
    given()
        .queryParam("q", slug)
        .when()
        .get("/api/v1/datasets")
        .then()
        .statusCode(200)
        .body("items", hasSize(0))
        .body("total", equalTo(0));
    given()
        .queryParam("q", name)
        .queryParam("type", "dataset")
        .when()
        .get("/api/v1/search")
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(slug)));
    given()
        .queryParam("q", name)
        .when()
        .get("/api/v1/suggest")
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(slug)));
    given().when().get("/api/v1/stats").then().body("datasets", equalTo(datasetsBefore - 1));
  }

  @Test
  void restoreBringsADeletedDatasetBack() {
    ExtractableResponse<Response> created = create(ADMIN_KEY, body());
    String slug = created.path("slug");
    delete(slug, created.header("ETag")).then().statusCode(204);
    // ':' is sent as is: a client that percent-encodes it names another resource (RFC 3986 6.2.2).
    given()
        .urlEncodingEnabled(false)
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .when()
        .post("/api/v1/datasets/" + slug + ":restore")
        .then()
        .statusCode(200)
        .header("ETag", equalTo(created.header("ETag")))
        .body("slug", equalTo(slug));
    given()
        .queryParam("q", slug)
        .when()
        .get("/api/v1/datasets")
        .then()
        .body("items.slug", contains(slug));
    given()
        .header("Authorization", "Bearer " + org.mlmdkb.curation.CurationFixtures.ADMIN_KEY)
        .when()
        .get("/api/v1/datasets/" + slug + "/history")
        .then()
        .body("items.action", contains("create", "delete", "restore"))
        .body("items[1].after", nullValue())
        .body("items[1].before.slug", equalTo(slug));
  }

  @Test
  void restoringALiveDatasetIs409() {
    String slug = create(ADMIN_KEY, body()).path("slug");
    given()
        .urlEncodingEnabled(false)
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .when()
        .post("/api/v1/datasets/" + slug + ":restore")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
  }

  @Test
  void historyPagesWithLimitAndCursor() {
    String key = newKey("curator");
    ExtractableResponse<Response> created = create(key, body());
    String slug = created.path("slug");
    given()
        .header("Authorization", "Bearer " + key)
        .header("If-Match", created.header("ETag"))
        .contentType(MERGE_PATCH)
        .body(Map.of("name", "Paged"))
        .when()
        .patch("/api/v1/datasets/" + slug)
        .then()
        .statusCode(200);
    String cursor =
        given()
            .header("Authorization", "Bearer " + org.mlmdkb.curation.CurationFixtures.ADMIN_KEY)
            .queryParam("limit", 1)
            .when()
            .get("/api/v1/datasets/" + slug + "/history")
            .then()
            .statusCode(200)
            .body("items.action", contains("create"))
            .body("next_cursor", notNullValue())
            .extract()
            .path("next_cursor");
    given()
        .header("Authorization", "Bearer " + org.mlmdkb.curation.CurationFixtures.ADMIN_KEY)
        .queryParam("limit", 1)
        .queryParam("cursor", cursor)
        .when()
        .get("/api/v1/datasets/" + slug + "/history")
        .then()
        .statusCode(200)
        .body("items.action", contains("update"))
        .body("items[0].after.name", equalTo("Paged"))
        .body("next_cursor", nullValue());
  }

  @Test
  void historyOfAnUnknownDatasetIs404() {
    given()
        .header("Authorization", "Bearer " + org.mlmdkb.curation.CurationFixtures.ADMIN_KEY)
        .when()
        .get("/api/v1/datasets/no-such-dataset-" + unique() + "/history")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  private static Response delete(String slug, String etag) {
    return given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .header("If-Match", etag)
        .when()
        .delete("/api/v1/datasets/" + slug);
  }
}
