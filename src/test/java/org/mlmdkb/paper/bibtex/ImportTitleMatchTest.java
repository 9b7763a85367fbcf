package org.mlmdkb.paper.bibtex;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.mlmdkb.curation.CurationFixtures.created;
import static org.mlmdkb.curation.CurationFixtures.deleteAsAdmin;
import static org.mlmdkb.curation.CurationFixtures.newKey;
import static org.mlmdkb.curation.CurationFixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlmdkb.testsupport.ApiTest;

@QuarkusTest
class ImportTitleMatchTest extends ApiTest {

  private static ExtractableResponse<Response> paper(String key, String title) {
    return created(
        key,
        "/api/v1/papers",
        Map.of(
            "entry_type",
            "article",
            "title",
            title,
            "year",
            2021,
            "authors",
            List.of("Ada Lovelace")));
  }

  @Test
  void anEntryMatchingByTitleMergesIntoTheLivePaperNotADeletedNamesake() {
    String key = newKey("curator");
    String title = "Namesakes of a deleted paper " + unique();
    ExtractableResponse<Response> deleted = paper(key, title);
    deleteAsAdmin("/api/v1/papers/" + deleted.path("id"), deleted);
    int live = paper(key, title).path("id");

    given()
        .header("Authorization", "Bearer " + key)
        .contentType("application/x-bibtex")
        .body(
            ("@article{namesake, title={" + title + "}, author={Lovelace, Ada}, year={2021}}")
                .getBytes(StandardCharsets.UTF_8))
        .queryParam("dry_run", true)
        .when()
        .post("/api/v1/imports")
        .then()
        .statusCode(200)
        .body("items[0].status", equalTo("skipped"))
        .body("items[0].duplicate_of", equalTo(live));
  }
}
