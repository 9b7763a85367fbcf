package org.mlmdkb.paper;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mlmdkb.curation.CurationFixtures.ADMIN_KEY;
import static org.mlmdkb.curation.CurationFixtures.createPaper;
import static org.mlmdkb.curation.CurationFixtures.newKey;
import static org.mlmdkb.curation.CurationFixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlmdkb.testsupport.ApiTest;

@QuarkusTest
class PaperCurationResourceTest extends ApiTest {

  private static final String MERGE_PATCH = "application/merge-patch+json";

  @Test
  void createAnswers201WithLocationEtagAndNormalisedIdentifiers() {
    String suffix = unique();
    ExtractableResponse<Response> created =
        given()
            .header("Authorization", "Bearer " + newKey("curator"))
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "entry_type",
                    "preprint",
                    "title",
                    "  Normalised identifiers " + suffix + " ",
                    "date",
                    "2023-05",
                    "doi",
                    "https://doi.org/10.5555/TEST-" + suffix,
                    "arxiv_id",
                    "arXiv:2305." + (10000 + Math.abs(suffix.hashCode() % 89999)) + "v3",
                    "authors",
                    List.of("Kristof T. Schütt"),
                    "tags",
                    List.of()))
            .when()
            .post("/api/v1/papers")
            .then()
            .statusCode(201)
            .header("ETag", notNullValue())
            .body("title", equalTo("Normalised identifiers " + suffix))
            .body("year", equalTo(2023))
            .body("doi", equalTo("10.5555/test-" + suffix))
            .body("arxiv_id", not(org.hamcrest.Matchers.containsString("v")))
            .body("authors.name", contains("Kristof T. Schütt"))
            .extract();
    int id = created.path("id");
    assertEquals("/api/v1/papers/" + id, java.net.URI.create(created.header("Location")).getPath());
    given()
        .when()
        .get("/api/v1/papers/" + id)
        .then()
        .statusCode(200)
        .header("ETag", equalTo(created.header("ETag")));
  }

  @Test
  void createListsEveryInvalidFieldWith422() {
    given()
        .header("Authorization", "Bearer " + newKey("curator"))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "entry_type", "blogpost",
                "title", " ",
                "year", 2019,
                "date", "2020-01-01",
                "doi", "not-a-doi",
                "arxiv_id", "1234",
                "url", "ftp://example.org/x",
                "tags", List.of("no-such-tag-" + unique())))
        .when()
        .post("/api/v1/papers")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body(
            "errors.name",
            contains("title", "entry_type", "doi", "arxiv_id", "date", "url", "tags"));
  }

  @Test
  void createWithDoiOfAnotherPaperIs409() {
    given()
        .header("Authorization", "Bearer " + newKey("curator"))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "entry_type", "article",
                "title", "A copy of Behler-Parrinello " + unique(),
                "doi", "10.1103/PhysRevLett.98.146401"))
        .when()
        .post("/api/v1/papers")
        .then()
        .statusCode(409)
        .body("errors.name", contains("doi"));
  }

  @Test
  void getAnswers304WhenIfNoneMatchIsCurrent() {
    String etag =
        given().when().get("/api/v1/papers/1").then().statusCode(200).extract().header("ETag");
    given()
        .header("If-None-Match", etag)
        .when()
        .get("/api/v1/papers/1")
        .then()
        .statusCode(304)
        .header("ETag", equalTo(etag));
  }

  @Test
  void patchWithoutIfMatchIs428() {
    String key = newKey("curator");
    int id = createPaper(key, "Patch without If-Match " + unique()).path("id");
    given()
        .header("Authorization", "Bearer " + key)
        .contentType(MERGE_PATCH)
        .body(Map.of("venue", "Elsewhere"))
        .when()
        .patch("/api/v1/papers/" + id)
        .then()
        .statusCode(428)
        .contentType("application/problem+json")
        .body("errors.name", contains("If-Match"));
  }

  @Test
  void patchAppliesMergePatchAndRecordsBeforeAndAfter() {
    String key = newKey("curator");
    ExtractableResponse<Response> created = createPaper(key, "Merge patch " + unique());
    int id = created.path("id");
    given()
        .header("Authorization", "Bearer " + key)
        .header("If-Match", created.header("ETag"))
        .contentType(MERGE_PATCH)
        .body("{\"venue\": null, \"volume\": \"7\", \"authors\": [\"Alan Turing\"]}")
        .when()
        .patch("/api/v1/papers/" + id)
        .then()
        .statusCode(200)
        .header("ETag", not(equalTo(created.header("ETag"))))
        .body("venue", nullValue())
        .body("volume", equalTo("7"))
        .body("authors.name", contains("Alan Turing"));
    given()
        .header("Authorization", "Bearer " + org.mlmdkb.curation.CurationFixtures.ADMIN_KEY)
        .when()
        .get("/api/v1/papers/" + id + "/history")
        .then()
        .statusCode(200)
        .body("items.action", contains("create", "update"))
        .body("items[1].before.venue", equalTo("Journal of Tests"))
        .body("items[1].after.venue", nullValue())
        .body("items[1].after.authors", contains("Alan Turing"))
        .body("items[1].key_name", org.hamcrest.Matchers.startsWith("curator-"));
  }

  @Test
  void twoClientsWithTheSameIfMatchGetOneSuccessAndOne412() throws Exception {
    String key = newKey("curator");
    ExtractableResponse<Response> created = createPaper(key, "Lost update " + unique());
    int id = created.path("id");
    String etag = created.header("ETag");
    assertEquals(
        List.of(200, 412),
        org.mlmdkb.curation.CurationFixtures.concurrentPatchStatuses(
            key,
            "/api/v1/papers/" + id,
            etag,
            List.of(Map.of("venue", "Venue A"), Map.of("venue", "Venue B"))));
    given()
        .header("Authorization", "Bearer " + org.mlmdkb.curation.CurationFixtures.ADMIN_KEY)
        .when()
        .get("/api/v1/papers/" + id + "/history")
        .then()
        .statusCode(200)
        .body("items.action", contains("create", "update"));
  }

  @Test
  void deleteHidesThePaperAndRestoreBringsItBack() {
    ExtractableResponse<Response> created = createPaper(ADMIN_KEY, "Soft delete " + unique());
    int id = created.path("id");
    String title = created.path("title");
    given()
        .queryParam("q", title)
        .queryParam("type", "paper")
        .when()
        .get("/api/v1/search")
        .then()
        .statusCode(200)
        .body("items.id", org.hamcrest.Matchers.hasItem(String.valueOf(id)));
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .when()
        .delete("/api/v1/papers/" + id)
        .then()
        .statusCode(428);
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .header("If-Match", created.header("ETag"))
        .when()
        .delete("/api/v1/papers/" + id)
        .then()
        .statusCode(204);
    given().when().get("/api/v1/papers/" + id).then().statusCode(404);
    given()
        .queryParam("q", title)
        .when()
        .get("/api/v1/papers")
        .then()
        .statusCode(200)
        // Words are OR-ed since issue 10: other papers share "soft" or "delete"; this one is gone.
        .body("items.id", not(org.hamcrest.Matchers.hasItem(id)));
    given()
        .queryParam("q", title)
        .queryParam("type", "paper")
        .when()
        .get("/api/v1/search")
        .then()
        .statusCode(200)
        .body("items.id", not(org.hamcrest.Matchers.hasItem(String.valueOf(id))));

    // ':' is sent as is: a client that percent-encodes it names another resource (RFC 3986 6.2.2).
    given()
        .urlEncodingEnabled(false)
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .when()
        .post("/api/v1/papers/" + id + ":restore")
        .then()
        .statusCode(200)
        .header("ETag", notNullValue())
        .body("title", equalTo(title));
    given()
        .queryParam("q", title)
        .when()
        .get("/api/v1/papers")
        .then()
        .statusCode(200)
        // Back, and first: it is the one paper matching every word of its title.
        .body("items[0].id", equalTo(id));
    given()
        .header("Authorization", "Bearer " + org.mlmdkb.curation.CurationFixtures.ADMIN_KEY)
        .when()
        .get("/api/v1/papers/" + id + "/history")
        .then()
        .body("items.action", contains("create", "delete", "restore"))
        .body("items.key_name", contains("bootstrap-admin", "bootstrap-admin", "bootstrap-admin"));
  }
}
