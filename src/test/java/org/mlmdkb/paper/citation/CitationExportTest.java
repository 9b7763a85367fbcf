package org.mlmdkb.paper.citation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mlmdkb.curation.CurationFixtures.createdPaperId;
import static org.mlmdkb.curation.CurationFixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlmdkb.testsupport.ApiTest;

@QuarkusTest
class CitationExportTest extends ApiTest {

  private static final String BEHLER = "/api/v1/papers/doi:10.1103%2Fphysrevlett.98.146401";

  @Test
  void exportsOnePaperAsBibTeXWithFamilyNamesFirst() {
    given()
        .urlEncodingEnabled(false)
        .queryParam("format", "bibtex")
        .when()
        .get(BEHLER)
        .then()
        .statusCode(200)
        .contentType(startsWith("application/x-bibtex"))
        .body(startsWith("@article{behler2007generalized,"))
        .body(containsString("author = {Behler, Jörg and Parrinello, Michele}"))
        .body(containsString("journal = {Physical Review Letters}"))
        .body(containsString("year = {2007}"))
        .body(containsString("doi = {10.1103/physrevlett.98.146401}"));
  }

  @Test
  void exportsBibLaTeXWithJournaltitleAndDate() {
    given()
        .urlEncodingEnabled(false)
        .queryParam("format", "biblatex")
        .when()
        .get(BEHLER)
        .then()
        .statusCode(200)
        .body(containsString("journaltitle = {Physical Review Letters}"))
        .body(containsString("date = {2007"))
        .body(not(containsString("journal =")));
  }

  @Test
  void acceptHeaderSelectsCslJson() {
    given()
        .urlEncodingEnabled(false)
        .accept("application/vnd.citationstyles.csl+json")
        .when()
        .get(BEHLER)
        .then()
        .statusCode(200)
        .contentType(startsWith("application/vnd.citationstyles.csl+json"))
        .body("[0].type", equalTo("article-journal"))
        .body("[0].author[0].family", equalTo("Behler"))
        .body("[0].author[0].given", equalTo("Jörg"))
        .body("[0].issued.'date-parts'[0][0]", equalTo(2007))
        .body("[0].DOI", equalTo("10.1103/physrevlett.98.146401"));
  }

  @Test
  void exportsAFilteredPageAsRisWithALinkToTheNextPage() {
    String ris =
        given()
            .accept("application/x-research-info-systems")
            .queryParam("author", "Behler")
            .queryParam("limit", 3)
            .when()
            .get("/api/v1/papers")
            .then()
            .statusCode(200)
            .contentType(startsWith("application/x-research-info-systems"))
            .header("Link", containsString("rel=\"next\""))
            .extract()
            .asString();
    assertEquals(3, ris.split("\r\nER  - \r\n", -1).length - 1);
    assertEquals(3, ris.lines().filter(l -> l.startsWith("TY  - ")).count());
  }

  @Test
  void aPaperWithoutItsOwnUrlLinksToItsArxivPageInRisAndCslJson() {
    String arxivId = uniqueArxivId();
    int id = createPreprint(arxivId, null);
    assertUrlInRisAndCslJson(id, "https://arxiv.org/abs/" + arxivId);
  }

  @Test
  void aPaperWithItsOwnUrlKeepsItBeforeItsArxivPage() {
    String url = "https://example.org/preprint/" + unique();
    int id = createPreprint(uniqueArxivId(), url);
    assertUrlInRisAndCslJson(id, url);
  }

  private static String uniqueArxivId() {
    return "2306." + (10000 + Math.abs(unique().hashCode() % 89999));
  }

  private static int createPreprint(String arxivId, String url) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("entry_type", "preprint");
    body.put("title", "A preprint on arXiv " + unique());
    body.put("year", 2023);
    body.put("arxiv_id", arxivId);
    body.put("authors", List.of("Kristof T. Schütt"));
    if (url != null) {
      body.put("url", url);
    }
    return createdPaperId(body);
  }

  private static void assertUrlInRisAndCslJson(int id, String url) {
    given()
        .accept("application/x-research-info-systems")
        .when()
        .get("/api/v1/papers/" + id)
        .then()
        .statusCode(200)
        .body(containsString("UR  - " + url + "\r\n"));
    given()
        .accept("application/vnd.citationstyles.csl+json")
        .when()
        .get("/api/v1/papers/" + id)
        .then()
        .statusCode(200)
        .body("[0].URL", equalTo(url));
  }

  @Test
  void escapesLaTeXSpecialsInBibTeX() {
    int id =
        createdPaperId(
            Map.of(
                "entry_type",
                "article",
                "title",
                "Bonds & {braces} at 100% of $x_1$ #" + unique(),
                "year",
                2022,
                "authors",
                List.of("Johannes Diderik van der Waals")));
    given()
        .queryParam("format", "bibtex")
        .when()
        .get("/api/v1/papers/" + id)
        .then()
        .statusCode(200)
        .body(
            containsString(
                "title = {Bonds \\& \\textbraceleft{}braces\\textbraceright{} at 100\\% of \\$x\\_1\\$ \\#"))
        .body(containsString("author = {van der Waals, Johannes Diderik}"));
  }

  @Test
  void eachRepresentationHasItsOwnEtag() {
    String json = given().when().get("/api/v1/papers/1").then().extract().header("ETag");
    String bibtex =
        given()
            .queryParam("format", "bibtex")
            .when()
            .get("/api/v1/papers/1")
            .then()
            .statusCode(200)
            .header("ETag", not(equalTo(json)))
            .extract()
            .header("ETag");
    given()
        .queryParam("format", "bibtex")
        .header("If-None-Match", bibtex)
        .when()
        .get("/api/v1/papers/1")
        .then()
        .statusCode(304);
  }

  @Test
  void unknownFormatIs400() {
    given()
        .queryParam("format", "endnote")
        .when()
        .get("/api/v1/papers")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].name", equalTo("format"));
  }
}
