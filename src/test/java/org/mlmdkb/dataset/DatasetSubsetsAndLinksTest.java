package org.mlmdkb.dataset;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.mlmdkb.curation.CurationFixtures.ADMIN_KEY;
import static org.mlmdkb.curation.CurationFixtures.createPaper;
import static org.mlmdkb.curation.CurationFixtures.newKey;
import static org.mlmdkb.curation.CurationFixtures.unique;
import static org.mlmdkb.dataset.DatasetFixtures.body;
import static org.mlmdkb.dataset.DatasetFixtures.create;
import static org.mlmdkb.dataset.DatasetFixtures.createResult;
import static org.mlmdkb.dataset.DatasetFixtures.etag;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlmdkb.testsupport.ApiTest;

/** Subsets that results reference, what results keep a dataset from, and the introducing paper. */
@QuarkusTest
class DatasetSubsetsAndLinksTest extends ApiTest {

  private static final String MERGE_PATCH = "application/merge-patch+json";

  @Test
  void subsetsAreUpdatedInPlaceBySlugSoTheirResultsStayAttached() {
    String key = newKey("curator");
    ExtractableResponse<Response> created = create(key, body());
    String slug = created.path("slug");
    int result = createResult(key, slug, "cold");
    given()
        .header("Authorization", "Bearer " + key)
        .header("If-Match", etag(slug)) // the new result changed the representation
        .contentType(MERGE_PATCH)
        .body(
            Map.of(
                "subsets",
                List.of(
                    Map.of("slug", "cold", "name", "Cold, renamed", "temperature_k", 250),
                    Map.of("slug", "warm", "name", "Warm", "temperature_k", 400))))
        .when()
        .patch("/api/v1/datasets/" + slug)
        .then()
        .statusCode(200)
        .body("subsets.slug", contains("cold", "warm"))
        .body("tasks.subset", contains("cold"));
    given()
        .when()
        .get("/api/v1/results/" + result)
        .then()
        .statusCode(200)
        .body("subset.slug", equalTo("cold"))
        .body("subset.name", equalTo("Cold, renamed"));
  }

  @Test
  void removingASubsetThatResultsUseIs422NamingTheSubsetAndTheCount() {
    String key = newKey("curator");
    ExtractableResponse<Response> created = create(key, body());
    String slug = created.path("slug");
    createResult(key, slug, "hot");
    createResult(key, slug, "hot");
    given()
        .header("Authorization", "Bearer " + key)
        .header("If-Match", etag(slug))
        .contentType(MERGE_PATCH)
        .body(Map.of("subsets", List.of(Map.of("slug", "cold", "name", "300 K"))))
        .when()
        .patch("/api/v1/datasets/" + slug)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.name", contains("subsets"))
        .body("errors[0].message", containsString("'hot'"))
        .body("errors[0].message", containsString("2 benchmark result(s)"));
    given()
        .when()
        .get("/api/v1/datasets/" + slug)
        .then()
        .body("subsets.slug", contains("cold", "hot"));
  }

  @Test
  void deleteIsRefusedWhileResultsUseTheDatasetAndAllowedOnceTheyAreGone() {
    ExtractableResponse<Response> created = create(ADMIN_KEY, body());
    String slug = created.path("slug");
    int result = createResult(ADMIN_KEY, slug, null);
    String datasetTag = etag(slug);
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .header("If-Match", datasetTag)
        .when()
        .delete("/api/v1/datasets/" + slug)
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("1 benchmark result(s)"))
        .body("detail", containsString("0 method(s)"));
    given().when().get("/api/v1/datasets/" + slug).then().statusCode(200);

    String resultTag =
        given().when().get("/api/v1/results/" + result).then().extract().header("ETag");
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .header("If-Match", resultTag)
        .when()
        .delete("/api/v1/results/" + result)
        .then()
        .statusCode(204);
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .header("If-Match", etag(slug))
        .when()
        .delete("/api/v1/datasets/" + slug)
        .then()
        .statusCode(204);
  }

  @Test
  void deleteIsRefusedWhileMethodsTrainOnTheDataset() {
    // Seed: three methods (and no results) list OpenLAM as training data.
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .header("If-Match", etag("openlam"))
        .when()
        .delete("/api/v1/datasets/openlam")
        .then()
        .statusCode(409)
        .body("detail", containsString("0 benchmark result(s) and 3 method(s) as training data"));
    given().when().get("/api/v1/datasets/openlam").then().statusCode(200);
  }

  @Test
  void aPaperIdFillsTheIdentifiersAndListsThePaperAsIntroducingBothWays() {
    String key = newKey("curator");
    ExtractableResponse<Response> paper = createPaper(key, "Introducing a test set " + unique());
    int paperId = paper.path("id");
    Map<String, Object> body = body();
    body.put("paper", Map.of("id", paperId));
    String slug =
        given()
            .header("Authorization", "Bearer " + key)
            .contentType(ContentType.JSON)
            .body(body)
            .when()
            .post("/api/v1/datasets")
            .then()
            .statusCode(201)
            .body("paper.id", equalTo(paperId))
            .body("paper.doi", equalTo(paper.path("doi")))
            .body("papers.id", contains(paperId))
            .body("papers.relation", contains("introduces"))
            .extract()
            .path("slug");
    given()
        .when()
        .get("/api/v1/papers/" + paperId)
        .then()
        .body("datasets.slug", hasItem(slug))
        .body("datasets.relation", hasItem("introduces"));
  }

  @Test
  void aDoiHeldByACorpusPaperLinksThatPaper() {
    String key = newKey("curator");
    ExtractableResponse<Response> paper = createPaper(key, "Linked by DOI " + unique());
    String doi = paper.path("doi");
    Map<String, Object> body = body();
    body.put("paper", Map.of("doi", "https://doi.org/" + doi.toUpperCase()));
    given()
        .header("Authorization", "Bearer " + key)
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/api/v1/datasets")
        .then()
        .statusCode(201)
        .body("paper.id", equalTo(paper.path("id")))
        .body("paper.doi", equalTo(doi));
  }

  @Test
  void replacingTheIntroducingPaperMovesItsLink() {
    String key = newKey("curator");
    int first = createPaper(key, "First introducer " + unique()).path("id");
    int second = createPaper(key, "Second introducer " + unique()).path("id");
    Map<String, Object> body = body();
    body.put("paper", Map.of("id", first));
    ExtractableResponse<Response> created = create(key, body);
    String slug = created.path("slug");
    given()
        .header("Authorization", "Bearer " + key)
        .header("If-Match", created.header("ETag"))
        .contentType(MERGE_PATCH)
        .body("{\"paper\": {\"id\": " + second + ", \"doi\": null}}")
        .when()
        .patch("/api/v1/datasets/" + slug)
        .then()
        .statusCode(200)
        .body("paper.id", equalTo(second))
        .body("papers.id", contains(second));
    given().when().get("/api/v1/papers/" + first).then().body("datasets.slug", not(hasItem(slug)));
  }

  @Test
  void aDeletedDatasetLeavesThePaperDetailAndPaperFilter() {
    int paperId = createPaper(ADMIN_KEY, "Paper of a deleted set " + unique()).path("id");
    Map<String, Object> body = body();
    body.put("paper", Map.of("id", paperId));
    ExtractableResponse<Response> created = create(ADMIN_KEY, body);
    String slug = created.path("slug");
    given()
        .queryParam("dataset", slug)
        .when()
        .get("/api/v1/papers")
        .then()
        .body("items.id", contains(paperId));
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .header("If-Match", created.header("ETag"))
        .when()
        .delete("/api/v1/datasets/" + slug)
        .then()
        .statusCode(204);
    given()
        .when()
        .get("/api/v1/papers/" + paperId)
        .then()
        .statusCode(200)
        .body("datasets.slug", not(hasItem(slug)));
    given()
        .queryParam("dataset", slug)
        .when()
        .get("/api/v1/papers")
        .then()
        .body("total", equalTo(0));
  }

  @Test
  void aDeletedDatasetLeavesTheDatasetFacetOfSearch() {
    String title = "Facet of a deleted set " + unique();
    int paperId = createPaper(ADMIN_KEY, title).path("id");
    Map<String, Object> body = body();
    body.put("paper", Map.of("id", paperId));
    ExtractableResponse<Response> created = create(ADMIN_KEY, body);
    String slug = created.path("slug");
    given()
        .queryParam("q", "\"" + title + "\"")
        .queryParam("facets", "dataset")
        .when()
        .get("/api/v1/search")
        .then()
        .statusCode(200)
        .body("facets.dataset.value", hasItem(slug));
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .header("If-Match", created.header("ETag"))
        .when()
        .delete("/api/v1/datasets/" + slug)
        .then()
        .statusCode(204);
    given()
        .queryParam("q", "\"" + title + "\"")
        .queryParam("facets", "dataset")
        .when()
        .get("/api/v1/search")
        .then()
        .statusCode(200)
        .body("facets.dataset.value", not(hasItem(slug)));
  }

  @Test
  void aDeletedDatasetHasNoLeaderboard() {
    ExtractableResponse<Response> created = create(ADMIN_KEY, body());
    String slug = created.path("slug");
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .header("If-Match", created.header("ETag"))
        .when()
        .delete("/api/v1/datasets/" + slug)
        .then()
        .statusCode(204);
    given()
        .queryParam("target", "forces")
        .queryParam("metric", "MAE")
        .when()
        .get("/api/v1/leaderboards/{dataset}", slug)
        .then()
        .statusCode(404)
        .body("errors.name", contains("dataset"))
        .body("errors[0].message", equalTo("names no known dataset"));
  }
}
