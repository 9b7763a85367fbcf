package org.mlmdkb.paper;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
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
class PaperReplaceTest extends ApiTest {

  @Test
  void putReplacesTheWholeStateAndRecordsOneUpdate() {
    String key = newKey("curator");
    ExtractableResponse<Response> created = createPaper(key, "Before replace " + unique());
    int id = created.path("id");
    String title = "After replace " + unique();
    given()
        .header("Authorization", "Bearer " + key)
        .header("If-Match", created.header("ETag"))
        .contentType(ContentType.JSON)
        .body(Map.of("entry_type", "article", "title", title, "year", 2024, "authors", List.of()))
        .when()
        .put("/api/v1/papers/" + id)
        .then()
        .statusCode(200)
        .header("ETag", not(equalTo(created.header("ETag"))))
        .body("title", equalTo(title))
        .body("venue", nullValue())
        .body("authors", empty());
    given()
        .header("Authorization", "Bearer " + org.mlmdkb.curation.CurationFixtures.ADMIN_KEY)
        .when()
        .get("/api/v1/papers/" + id + "/history")
        .then()
        .body("items.action", contains("create", "update"))
        .body("items[1].after.title", equalTo(title));
  }

  @Test
  void putWithoutIfMatchIs428() {
    String key = newKey("curator");
    int id = createPaper(key, "No precondition " + unique()).path("id");
    given()
        .header("Authorization", "Bearer " + key)
        .contentType(ContentType.JSON)
        .body(Map.of("entry_type", "article", "title", "Whatever", "year", 2024))
        .when()
        .put("/api/v1/papers/" + id)
        .then()
        .statusCode(428)
        .body("errors[0].name", equalTo("If-Match"));
  }

  @Test
  void putWithAnInvalidBodyIs422AndChangesNothing() {
    String key = newKey("curator");
    String title = "Kept title " + unique();
    ExtractableResponse<Response> created = createPaper(key, title);
    int id = created.path("id");
    given()
        .header("Authorization", "Bearer " + key)
        .header("If-Match", created.header("ETag"))
        .contentType(ContentType.JSON)
        .body(Map.of("entry_type", "article", "title", " ", "doi", "not-a-doi"))
        .when()
        .put("/api/v1/papers/" + id)
        .then()
        .statusCode(422)
        .body("errors.name", org.hamcrest.Matchers.hasItems("title", "doi"));
    given().when().get("/api/v1/papers/" + id).then().body("title", equalTo(title));
  }

  @Test
  void restoringALivePaperIs409() {
    int id = createPaper(newKey("curator"), "Live paper " + unique()).path("id");
    given()
        .urlEncodingEnabled(false)
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .when()
        .post("/api/v1/papers/" + id + ":restore")
        .then()
        .statusCode(409)
        .body("type", equalTo("urn:mlmd-kb:problem:not-deleted"));
  }
}
