package org.mlmdkb.paper.bibtex;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.mlmdkb.curation.CurationFixtures.newKey;
import static org.mlmdkb.curation.CurationFixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mlmdkb.testsupport.ApiTest;

/** Imports of bibliographies in Zotero/Better BibTeX shapes (synthetic entries). */
@QuarkusTest
class BibLatexImportTest extends ApiTest {

  private static RequestSpecification post(String key, String bib) {
    return given()
        .header("Authorization", "Bearer " + key)
        .contentType("application/x-bibtex; charset=UTF-8")
        .body(bib.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aSecondImportOfAFileWithAnInnerDuplicateChangesNothing() {
    String title = "Inner duplicate check " + unique();
    String bib =
        "@article{a, title = {"
            + title
            + "}, year = {2024}}\n"
            + "@article{b, title = {"
            + title
            + "}, year = {2024}, journal = {Journal of Tests}, volume = {7}}\n";
    String key = newKey("curator");
    post(key, bib)
        .post("/api/v1/imports")
        .then()
        .statusCode(200)
        .body("items.status", contains("created", "updated"));
    post(key, bib)
        .post("/api/v1/imports")
        .then()
        .statusCode(200)
        .body("summary.created", equalTo(0))
        .body("summary.updated", equalTo(0))
        .body("items.status", contains("skipped", "skipped"));
  }

  @Test
  void anArxivDoiPaperIsFoundByArxivIdAndMatchesItsEprintEntry() {
    // 2399.xxxxx is no real arXiv id yet (arXiv numbers months 01-12), so no corpus paper has it.
    String id = "2399." + String.format("%05d", (int) (Math.random() * 100000));
    String title = "ArXiv DOI check " + unique();
    String key = newKey("curator");
    post(key, "@misc{a, title = {" + title + "}, year = 2023, doi = {10.48550/arXiv." + id + "}}")
        .post("/api/v1/imports")
        .then()
        .statusCode(200)
        .body("items.status", contains("created"));
    given().get("/api/v1/papers/arxiv:" + id).then().statusCode(200).body("title", equalTo(title));
    post(
            key,
            "@article{b, title = {"
                + title
                + ": extended}, year = 2023, eprint = {"
                + id
                + "},"
                + " archiveprefix = {arXiv}}")
        .post("/api/v1/imports")
        .then()
        .statusCode(200)
        .body("summary.created", equalTo(0));
  }
}
