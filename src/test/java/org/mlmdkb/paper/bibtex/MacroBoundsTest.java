package org.mlmdkb.paper.bibtex;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.mlmdkb.curation.CurationFixtures.newKey;
import static org.mlmdkb.curation.CurationFixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mlmdkb.testsupport.ApiTest;

@QuarkusTest
class MacroBoundsTest extends ApiTest {

  private static void importBibtex(String bib, int status, String entryName, String reason) {
    given()
        .header("Authorization", "Bearer " + newKey("curator"))
        .contentType("application/x-bibtex; charset=UTF-8")
        .body(bib.getBytes(StandardCharsets.UTF_8))
        .when()
        .post("/api/v1/imports")
        .then()
        .statusCode(status)
        .contentType("application/problem+json")
        .body("errors.name", contains(entryName))
        .body("errors[0].message", containsString(reason));
  }

  @Test
  void aLongChainOfMacrosIsRefusedNamingTheEntryInsteadOfOverflowingTheStack() {
    String u = unique();
    StringBuilder bib = new StringBuilder("@string{m0 = \"x\"}\n");
    for (int i = 1; i <= 2_500; i++) {
      bib.append("@string{m").append(i).append(" = m").append(i - 1).append(" # \"x\"}\n");
    }
    bib.append("@article{chain").append(u).append(", title = m2500, year = 2020}\n");
    importBibtex(bib.toString(), 422, "entry 1 (chain" + u + ")", "macro 'm2500'");
  }

  @Test
  void aMacroDoublingItselfPastTheLengthBoundIsRefusedNamingTheEntry() {
    String u = unique();
    StringBuilder bib = new StringBuilder("@string{d0 = \"xxxxxxxxxx\"}\n");
    for (int i = 1; i <= 40; i++) {
      bib.append("@string{d").append(i).append(" = d").append(i - 1).append(" # d");
      bib.append(i - 1).append("}\n");
    }
    bib.append("@article{double").append(u).append(", title = d40, year = 2020}\n");
    importBibtex(bib.toString(), 422, "entry 1 (double" + u + ")", "macro 'd40'");
  }
}
