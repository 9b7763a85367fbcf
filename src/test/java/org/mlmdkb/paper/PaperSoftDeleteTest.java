package org.mlmdkb.paper;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.mlmdkb.curation.CurationFixtures.ADMIN_KEY;
import static org.mlmdkb.curation.CurationFixtures.createPaper;
import static org.mlmdkb.curation.CurationFixtures.created;
import static org.mlmdkb.curation.CurationFixtures.newKey;
import static org.mlmdkb.curation.CurationFixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlmdkb.testsupport.ApiTest;

@QuarkusTest
class PaperSoftDeleteTest extends ApiTest {

  private static ValidatableResponse deletePaper(int id) {
    String etag = given().when().get("/api/v1/papers/" + id).then().extract().header("ETag");
    return given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .header("If-Match", etag)
        .when()
        .delete("/api/v1/papers/" + id)
        .then();
  }

  private static ExtractableResponse<Response> post(String path, Map<String, Object> body) {
    return created(newKey("curator"), path, body);
  }

  private static void delete(String path) {
    String etag = given().when().get(path).then().statusCode(200).extract().header("ETag");
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .header("If-Match", etag)
        .when()
        .delete(path)
        .then()
        .statusCode(204);
  }

  private static void restore(String path) {
    given()
        .urlEncodingEnabled(false)
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .when()
        .post(path + ":restore")
        .then()
        .statusCode(200);
  }

  /** A 3BPA force MAE reported by the given paper, on a split of its own. */
  private static Map<String, Object> result(int paperId) {
    Map<String, Object> body =
        org.mlmdkb.curation.CurationFixtures.resultBody("paper-delete-" + unique());
    body.remove("repository");
    body.remove("path");
    body.remove("location");
    body.put("paper", paperId);
    return body;
  }

  private static Map<String, Object> method(int paperId) {
    String slug = "paper-cited-" + unique();
    Map<String, Object> m = new HashMap<>();
    m.put("slug", slug);
    m.put("name", "Citing method " + slug);
    m.put("family", "equivariant-message-passing");
    m.put("description", "A throw-away test method.");
    m.put("year", 2024);
    m.put("parents", List.of());
    m.put("training_datasets", List.of());
    m.put("paper", Map.of("id", paperId));
    return m;
  }

  @Test
  void deleteIsRefusedWhileALiveResultCitesThePaperAndAllowedOnceItIsDeleted() {
    int paperId = createPaper(ADMIN_KEY, "Cited by a result " + unique()).path("id");
    int resultId = post("/api/v1/results", result(paperId)).path("id");

    deletePaper(paperId)
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:mlmd-kb:problem:paper-in-use"))
        .body("detail", containsString("1 benchmark result(s)"));
    given().when().get("/api/v1/papers/" + paperId).then().statusCode(200);

    delete("/api/v1/results/" + resultId);
    deletePaper(paperId).statusCode(204);
  }

  @Test
  void deleteIsRefusedWhileALiveMethodCitesThePaper() {
    int paperId = createPaper(ADMIN_KEY, "Cited by a method " + unique()).path("id");
    String slug = post("/api/v1/methods", method(paperId)).path("slug");

    deletePaper(paperId)
        .statusCode(409)
        .body("type", equalTo("urn:mlmd-kb:problem:paper-in-use"))
        .body("detail", containsString("1 method(s)"));

    delete("/api/v1/methods/" + slug);
    deletePaper(paperId).statusCode(204);
  }

  @Test
  void restoredPaperWhoseTagWasDeletedCanBePatchedAndKeepsTheHiddenLink() {
    String tag = "hidden-" + unique();
    post("/api/v1/tags", Map.of("slug", tag, "label", "Hidden " + tag));
    ExtractableResponse<Response> created =
        given()
            .header("Authorization", "Bearer " + ADMIN_KEY)
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "entry_type",
                    "article",
                    "title",
                    "Tagged then restored " + unique(),
                    "year",
                    2024,
                    "doi",
                    "10.5555/test-" + unique(),
                    "authors",
                    List.of("Ada Lovelace"),
                    "tags",
                    List.of(tag, "machine-learning")))
            .when()
            .post("/api/v1/papers")
            .then()
            .statusCode(201)
            .extract();
    int id = created.path("id");
    deletePaper(id).statusCode(204);
    delete("/api/v1/tags/" + tag);
    restore("/api/v1/papers/" + id);

    String etag = given().when().get("/api/v1/papers/" + id).then().extract().header("ETag");
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .header("If-Match", etag)
        .contentType("application/merge-patch+json")
        .body(Map.of("venue", "Elsewhere", "tags", List.of()))
        .when()
        .patch("/api/v1/papers/" + id)
        .then()
        .statusCode(200)
        .body("venue", equalTo("Elsewhere"))
        .body("tags", hasSize(0));

    restore("/api/v1/tags/" + tag);
    given().when().get("/api/v1/papers/" + id).then().statusCode(200).body("tags", contains(tag));
  }
}
