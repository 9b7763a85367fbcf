package org.mlmdkb.result;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mlmdkb.curation.CurationFixtures.ADMIN_KEY;
import static org.mlmdkb.curation.CurationFixtures.newKey;
import static org.mlmdkb.curation.CurationFixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlmdkb.testsupport.ApiTest;

@QuarkusTest
class ResultCurationResourceTest extends ApiTest {

  private static final String MERGE_PATCH = "application/merge-patch+json";
  private static final io.restassured.config.RestAssuredConfig DECIMALS =
      RestAssured.config()
          .jsonConfig(
              JsonConfig.jsonConfig()
                  .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

  /** A valid 3BPA force MAE on its own split, so it forms a board of its own. */
  private static Map<String, Object> result(String split) {
    return org.mlmdkb.curation.CurationFixtures.resultBody(split);
  }

  private static ExtractableResponse<Response> create(String key, Map<String, Object> body) {
    return given()
        .config(DECIMALS)
        .header("Authorization", "Bearer " + key)
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/api/v1/results")
        .then()
        .statusCode(201)
        .extract();
  }

  @Test
  void createWithoutKeyIs401() {
    given()
        .contentType(ContentType.JSON)
        .body(result("no-key-" + unique()))
        .when()
        .post("/api/v1/results")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void createAnswers201WithCanonicalValueLocationAndEtag() {
    ExtractableResponse<Response> created = create(newKey("curator"), result("create-" + unique()));
    int id = created.path("id");
    assertEquals(
        "/api/v1/results/" + id, java.net.URI.create(created.header("Location")).getPath());
    assertEquals("kcal/mol/Å", created.path("unit"));
    assertEquals("meV/Å", created.path("canonical_unit"));
    org.hamcrest.MatcherAssert.assertThat(
        created.path("canonical_value"),
        closeTo(new BigDecimal("43.3641"), new BigDecimal("0.0001")));
    assertEquals("reported", created.path("status"));
    assertEquals("results/3bpa.csv", created.path("provenance.path"));
    given()
        .when()
        .get("/api/v1/results/" + id)
        .then()
        .statusCode(200)
        .header("ETag", equalTo(created.header("ETag")))
        .body("method.slug", equalTo("painn"));
    given()
        .header("If-None-Match", created.header("ETag"))
        .when()
        .get("/api/v1/results/" + id)
        .then()
        .statusCode(304);
  }

  @Test
  void createListsUnknownUnitAndUnknownMethodTogetherWith422() {
    Map<String, Object> body = result("bad-" + unique());
    body.put("method", "no-such-method-" + unique());
    body.put("unit", "furlongs");
    body.put("uncertainty", -1);
    body.put("n_train", 0);
    given()
        .header("Authorization", "Bearer " + newKey("curator"))
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/api/v1/results")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.name", contains("method", "unit", "n_train", "uncertainty"));
  }

  @Test
  void createWithUnitContradictingBasisOrNoProvenanceIs422() {
    Map<String, Object> body = result("basis-" + unique());
    body.put("target", "energy");
    body.put("unit", "eV/atom");
    body.put("basis", "per-structure");
    body.remove("repository");
    given()
        .header("Authorization", "Bearer " + newKey("curator"))
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/api/v1/results")
        .then()
        .statusCode(422)
        .body("errors.name", contains("basis", "provenance"));
  }

  @Test
  void patchWithoutIfMatchIs428AndWithAStaleOneIs412() {
    String key = newKey("curator");
    ExtractableResponse<Response> created = create(key, result("precondition-" + unique()));
    int id = created.path("id");
    given()
        .header("Authorization", "Bearer " + key)
        .contentType(MERGE_PATCH)
        .body(Map.of("status", "disputed"))
        .when()
        .patch("/api/v1/results/" + id)
        .then()
        .statusCode(428)
        .body("errors.name", contains("If-Match"));
    given()
        .header("Authorization", "Bearer " + key)
        .header("If-Match", created.header("ETag"))
        .contentType(MERGE_PATCH)
        .body(Map.of("status", "disputed"))
        .when()
        .patch("/api/v1/results/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("disputed"));
    given()
        .header("Authorization", "Bearer " + key)
        .header("If-Match", created.header("ETag"))
        .contentType(MERGE_PATCH)
        .body(Map.of("status", "reproduced"))
        .when()
        .patch("/api/v1/results/" + id)
        .then()
        .statusCode(412)
        .contentType("application/problem+json");
  }

  @Test
  void correctedValueChangesTheBoardWhileAsOfYesterdayShowsTheOldOne() {
    String key = newKey("curator");
    String split = "correction-" + unique();
    ExtractableResponse<Response> created = create(key, result(split));
    int id = created.path("id");
    given()
        .config(DECIMALS)
        .header("Authorization", "Bearer " + key)
        .header("If-Match", created.header("ETag"))
        .contentType(MERGE_PATCH)
        .body("{\"value\": 2.5, \"unit\": \"eV/A\"}")
        .when()
        .patch("/api/v1/results/" + id)
        .then()
        .statusCode(200)
        .header("ETag", not(equalTo(created.header("ETag"))))
        .body("canonical_value", org.hamcrest.Matchers.hasToString("2500"))
        .body("canonical_unit", equalTo("meV/Å"));
    Map<String, Object> board =
        Map.of("dataset", "3bpa", "target", "forces", "metric", "MAE", "split", split);
    Map<String, Object> past = new HashMap<>(board);
    past.put("as_of", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString());
    Boards.get(given().config(DECIMALS), board)
        .then()
        .statusCode(200)
        .body("rows.result_id", contains(id))
        .body("rows[0].reported_value", equalTo(new BigDecimal("2.5")));
    Boards.get(given().config(DECIMALS), past)
        .then()
        .statusCode(200)
        .body("rows.result_id", contains(id))
        .body("rows[0].reported_value", equalTo(new BigDecimal("1.0")));
    given()
        .header("Authorization", "Bearer " + org.mlmdkb.curation.CurationFixtures.ADMIN_KEY)
        .when()
        .get("/api/v1/results/" + id + "/history")
        .then()
        .statusCode(200)
        .body("items.action", contains("create", "update"))
        .body("items[1].before.unit", equalTo("kcal/mol/Å"))
        .body("items[1].after.unit", equalTo("eV/Å"));
  }

  @Test
  void deleteNeedsAnAdminKeyAndIfMatch() {
    ExtractableResponse<Response> created = create(newKey("curator"), result("delete-" + unique()));
    int id = created.path("id");
    given()
        .header("Authorization", "Bearer " + newKey("curator"))
        .header("If-Match", created.header("ETag"))
        .when()
        .delete("/api/v1/results/" + id)
        .then()
        .statusCode(403);
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .when()
        .delete("/api/v1/results/" + id)
        .then()
        .statusCode(428);
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .header("If-Match", created.header("ETag"))
        .when()
        .delete("/api/v1/results/" + id)
        .then()
        .statusCode(204);
    given().when().get("/api/v1/results/" + id).then().statusCode(404);
    given()
        .header("Authorization", "Bearer " + org.mlmdkb.curation.CurationFixtures.ADMIN_KEY)
        .when()
        .get("/api/v1/results/" + id + "/history")
        .then()
        .statusCode(200)
        .body("items.action", contains("create", "delete"))
        .body("items[1].before.split", notNullValue());
  }

  @Test
  void unknownResultIs404AndMalformedIdIs400() {
    given().when().get("/api/v1/results/999999999").then().statusCode(404);
    given().when().get("/api/v1/results/abc").then().statusCode(400);
    given()
        .header("Authorization", "Bearer " + org.mlmdkb.curation.CurationFixtures.ADMIN_KEY)
        .when()
        .get("/api/v1/results/999999999/history")
        .then()
        .statusCode(404)
        .body("status", equalTo(404));
    given().when().get("/api/v1/results").then().statusCode(200).body("items", hasItems());
  }
}
