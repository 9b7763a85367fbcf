package org.mlmdkb.paper.citation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.mlmdkb.curation.CurationFixtures.ADMIN_KEY;
import static org.mlmdkb.curation.CurationFixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlmdkb.curation.CurationFixtures;
import org.mlmdkb.testsupport.ApiTest;

/** What the BibTeX export writes, the BibTeX import reads back as the same names. */
@QuarkusTest
class BibTeXRoundTripTest extends ApiTest {

  private static final List<String> AUTHORS =
      List.of("Jörg Müller", "M. {\\\"u}ller", "Ann O}dd", "Back\\slash Brace{");

  @Test
  void authorsWithAccentsBracesAndBackslashesSurviveExportAndImport() {
    int id =
        CurationFixtures.createdPaperId(
            Map.of("entry_type", "article", "title", "Round trip " + unique(), "authors", AUTHORS));
    String bibtex =
        given()
            .queryParam("format", "bibtex")
            .when()
            .get("/api/v1/papers/" + id)
            .then()
            .statusCode(200)
            .body(containsString("Müller, Jörg"))
            .extract()
            .asString();
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .contentType("application/x-bibtex; charset=UTF-8")
        .body(bibtex.getBytes(StandardCharsets.UTF_8))
        .queryParam("dry_run", true)
        .when()
        .post("/api/v1/imports")
        .then()
        .statusCode(200)
        .body("items[0].parsed.authors", contains(AUTHORS.toArray()));
  }
}
