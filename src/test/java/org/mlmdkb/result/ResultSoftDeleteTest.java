package org.mlmdkb.result;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.mlmdkb.curation.CurationFixtures.ADMIN_KEY;
import static org.mlmdkb.curation.CurationFixtures.newKey;
import static org.mlmdkb.curation.CurationFixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlmdkb.testsupport.ApiTest;

@QuarkusTest
class ResultSoftDeleteTest extends ApiTest {

  private static Map<String, Object> result(String split) {
    return org.mlmdkb.curation.CurationFixtures.resultBody(split);
  }

  private static ExtractableResponse<Response> create(Map<String, Object> body) {
    return given()
        .header("Authorization", "Bearer " + newKey("curator"))
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/api/v1/results")
        .then()
        .statusCode(201)
        .extract();
  }

  private static void delete(ExtractableResponse<Response> created) {
    org.mlmdkb.curation.CurationFixtures.deleteAsAdmin(
        "/api/v1/results/" + created.path("id"), created);
  }

  private static io.restassured.response.ValidatableResponse board(
      String split, Map<String, String> extra) {
    Map<String, String> params = new HashMap<>(extra);
    params.put("dataset", "3bpa");
    params.put("subset", "test-600k");
    params.put("metric", "MAE");
    params.put("target", "forces");
    params.put("split", split);
    return Boards.get(given(), params).then();
  }

  @Test
  void deletedResultLeavesTheLeaderboardAndRestoreBringsItBack() {
    String split = "soft-delete-" + unique();
    ExtractableResponse<Response> created = create(result(split));
    int id = created.path("id");
    board(split, Map.of()).statusCode(200).body("rows", hasSize(1));

    delete(created);
    board(split, Map.of()).statusCode(404).body("type", equalTo("urn:mlmd-kb:problem:no-results"));
    given().when().get("/api/v1/results/" + id).then().statusCode(404);

    given()
        .urlEncodingEnabled(false)
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .when()
        .post("/api/v1/results/" + id + ":restore")
        .then()
        .statusCode(200)
        .header("ETag", notNullValue())
        .body("id", equalTo(id));
    board(split, Map.of()).statusCode(200).body("rows", hasSize(1));
    given()
        .header("Authorization", "Bearer " + org.mlmdkb.curation.CurationFixtures.ADMIN_KEY)
        .when()
        .get("/api/v1/results/" + id + "/history")
        .then()
        .body("items.action", contains("create", "delete", "restore"));
  }

  @Test
  void leaderboardAsOfADateBeforeTheDeleteStillShowsTheResult() {
    String split = "as-of-delete-" + unique();
    ExtractableResponse<Response> created = create(result(split));
    delete(created);
    String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
    board(split, Map.of("as_of", yesterday))
        .statusCode(200)
        .body("rows", hasSize(1))
        .body("rows[0].result_id", equalTo(created.path("id")));
  }

  @Test
  void leaderboardAsOfTheDayOfTheDeleteLeavesTheResultOut() {
    String split = "as-of-deleted-" + unique();
    delete(create(result(split)));
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    board(split, Map.of("as_of", today))
        .statusCode(404)
        .body("type", equalTo("urn:mlmd-kb:problem:no-results"));
  }

  @Test
  void restoringALiveResultIs409() {
    int id = create(result("live-" + unique())).path("id");
    given()
        .urlEncodingEnabled(false)
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .when()
        .post("/api/v1/results/" + id + ":restore")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:mlmd-kb:problem:not-deleted"));
  }

  @Test
  void restoreNeedsAnAdminKey() {
    ExtractableResponse<Response> created = create(result("curator-restore-" + unique()));
    delete(created);
    given()
        .urlEncodingEnabled(false)
        .header("Authorization", "Bearer " + newKey("curator"))
        .when()
        .post("/api/v1/results/" + created.path("id") + ":restore")
        .then()
        .statusCode(403);
  }

  @Test
  void putReplacesTheWholeStateClearingLeftOutFields() {
    ExtractableResponse<Response> created = create(result("put-" + unique()));
    int id = created.path("id");
    Map<String, Object> replacement = result("put-replaced-" + unique());
    replacement.remove("n_train");
    replacement.put("value", 2.0);
    given()
        .header("Authorization", "Bearer " + newKey("curator"))
        .header("If-Match", created.header("ETag"))
        .contentType(ContentType.JSON)
        .body(replacement)
        .when()
        .put("/api/v1/results/" + id)
        .then()
        .statusCode(200)
        .header("ETag", not(equalTo(created.header("ETag"))))
        .body("n_train", nullValue())
        .body("split", equalTo(replacement.get("split")));
  }

  @Test
  void historyPagesWithLimitAndCursor() {
    ExtractableResponse<Response> created = create(result("paging-" + unique()));
    int id = created.path("id");
    delete(created);
    String next =
        given()
            .header("Authorization", "Bearer " + org.mlmdkb.curation.CurationFixtures.ADMIN_KEY)
            .queryParam("limit", 1)
            .when()
            .get("/api/v1/results/" + id + "/history")
            .then()
            .statusCode(200)
            .body("items.action", contains("create"))
            .body("next_cursor", notNullValue())
            .extract()
            .path("next_cursor");
    given()
        .header("Authorization", "Bearer " + org.mlmdkb.curation.CurationFixtures.ADMIN_KEY)
        .queryParam("limit", 1)
        .queryParam("cursor", next)
        .when()
        .get("/api/v1/results/" + id + "/history")
        .then()
        .statusCode(200)
        .body("items.action", contains("delete"))
        .body("next_cursor", nullValue());
  }

  @Test
  void historyRefusesAForeignCursor() {
    int id = create(result("bad-cursor-" + unique())).path("id");
    given()
        .header("Authorization", "Bearer " + org.mlmdkb.curation.CurationFixtures.ADMIN_KEY)
        .queryParam("cursor", "bm90LWEtY3Vyc29y")
        .when()
        .get("/api/v1/results/" + id + "/history")
        .then()
        .statusCode(400)
        .body("errors[0].name", equalTo("cursor"));
  }

  @Test
  void restoringAResultWhoseMethodIsGoneIs409() {
    String slug = "restore-gone-" + unique();
    ExtractableResponse<Response> method =
        given()
            .header("Authorization", "Bearer " + ADMIN_KEY)
            .contentType(ContentType.JSON)
            .body(Map.of("slug", slug, "name", "Gone method " + slug, "family", "other"))
            .when()
            .post("/api/v1/methods")
            .then()
            .statusCode(201)
            .extract();
    Map<String, Object> body = result("restore-gone-" + unique());
    body.put("method", slug);
    ExtractableResponse<Response> created = create(body);
    delete(created);
    // With its only result deleted, the method may go too.
    org.mlmdkb.curation.CurationFixtures.deleteAsAdmin("/api/v1/methods/" + slug, method);

    given()
        .urlEncodingEnabled(false)
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .when()
        .post("/api/v1/results/" + created.path("id") + ":restore")
        .then()
        .statusCode(409)
        .body("type", equalTo("urn:mlmd-kb:problem:restore-conflict"))
        .body("errors[0].name", equalTo("method"));
    given().when().get("/api/v1/results/" + created.path("id")).then().statusCode(404);
  }
}
