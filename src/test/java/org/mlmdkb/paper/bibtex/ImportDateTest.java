package org.mlmdkb.paper.bibtex;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.startsWith;
import static org.mlmdkb.curation.CurationFixtures.ADMIN_KEY;
import static org.mlmdkb.curation.CurationFixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mlmdkb.testsupport.ApiTest;

/** An imported entry's date must be a real calendar date, like one written through the API. */
@QuarkusTest
class ImportDateTest extends ApiTest {

  @Test
  void anEntryWhoseDateIsNoCalendarDateIsRejectedNamingDate() {
    String u = unique();
    String bib =
        "@article{bad"
            + u
            + ", title = {Impossible date "
            + u
            + "}, date = {2024-13-40}}\n"
            + "@article{good"
            + u
            + ", title = {Possible date "
            + u
            + "}, date = {2024-02-29}}\n";
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .contentType("application/x-bibtex; charset=UTF-8")
        .body(bib.getBytes(StandardCharsets.UTF_8))
        .queryParam("partial", true)
        .queryParam("dry_run", true)
        .when()
        .post("/api/v1/imports")
        .then()
        .statusCode(200)
        .body("items.status", contains("rejected", "created"))
        .body("items[0].reasons", contains(startsWith("date ")));
  }
}
