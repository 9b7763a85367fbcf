package org.mlmdkb.paper.bibtex;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlmdkb.curation.CurationFixtures.ADMIN_KEY;
import static org.mlmdkb.curation.CurationFixtures.newKey;
import static org.mlmdkb.curation.CurationFixtures.unique;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlmdkb.testsupport.ApiTest;

/**
 * One import mixing new entries, duplicates of corpus papers and of earlier entries, merges that
 * fill gaps and DOI clashes: decided in entry order, written in bulk (synthetic entries).
 */
@QuarkusTest
class MixedBibtexImportTest extends ApiTest {

  @Inject AgroalDataSource dataSource;

  private static RequestSpecification post(String key, String bib) {
    return given()
        .header("Authorization", "Bearer " + key)
        .contentType("application/x-bibtex; charset=UTF-8")
        .body(bib.getBytes(StandardCharsets.UTF_8));
  }

  private static int paper(Map<String, Object> body) {
    return given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/papers")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static JsonPath history(int id) {
    return given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .get("/api/v1/papers/" + id + "/history")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void aMixedImportCreatesFillsSkipsAndRejectsInEntryOrder() {
    String u = unique();
    int corpus =
        paper(
            Map.of(
                "entry_type",
                "article",
                "title",
                "Mixed corpus paper " + u,
                "year",
                2020,
                "venue",
                "Curated Venue",
                "doi",
                "10.5555/test-mix-a-" + u));
    int complete =
        paper(
            Map.of(
                "entry_type",
                "article",
                "title",
                "Mixed complete paper " + u,
                "year",
                2021,
                "authors",
                java.util.List.of("Ada Lovelace")));
    String bib =
        """
        @article{new%1$s, title = {Mixed new paper %1$s}, author = {Turing, Alan}, year = 2022,
          journal = {Journal of Tests}}
        @article{a%1$s, title = {Mixed corpus paper %1$s}, author = {Noether, Emmy}, year = 2020,
          journal = {Other Venue}, volume = {9}, doi = {10.5555/TEST-MIX-A-%1$s}}
        @article{b%1$s, title = {Mixed complete paper %1$s}, year = 2021}
        @article{again%1$s, title = {Mixed new paper %1$s}, year = 2022, volume = {3}}
        @article{third%1$s, title = {Mixed new paper %1$s}, year = 2022}
        @article{clash%1$s, title = {Unrelated other title words %1$s}, year = 2019,
          doi = {10.5555/test-mix-a-%1$s}}
        @article{second%1$s, title = {Mixed second new paper %1$s}, year = 2023,
          doi = {10.5555/test-mix-n-%1$s}}
        @article{clash2%1$s, title = {Quite another subject entirely %1$s}, year = 2023,
          doi = {10.5555/test-mix-n-%1$s}}
        """
            .formatted(u);
    JsonPath report =
        post(newKey("curator"), bib)
            .queryParam("partial", true)
            .post("/api/v1/imports")
            .then()
            .statusCode(200)
            .body(
                "items.status",
                contains(
                    "created",
                    "updated",
                    "skipped",
                    "updated",
                    "skipped",
                    "rejected",
                    "created",
                    "rejected"))
            .body("items[1].paper_id", equalTo(corpus))
            .body("items[2].duplicate_of", equalTo(complete))
            .body("items[2].reasons", contains("duplicate of paper " + complete))
            .body(
                "items[3].reasons",
                contains(
                    "filled missing fields of the paper an earlier entry of this import created"))
            .body("items[4].paper_id", nullValue())
            .body("items[4].reasons", contains("duplicate of an earlier entry of this import"))
            .body("items[5].duplicate_of", equalTo(corpus))
            .body(
                "items[5].reasons",
                contains(
                    "DOI 10.5555/test-mix-a-"
                        + u
                        + " belongs to paper "
                        + corpus
                        + " with another title"))
            .extract()
            .jsonPath();
    int created = report.getInt("items[0].paper_id");
    int second = report.getInt("items[6].paper_id");
    assertEquals(created, report.getInt("items[3].paper_id"));
    assertEquals(created, report.getInt("items[4].duplicate_of"));
    assertTrue(second > created, "ids follow the order of creation");
    assertEquals(second, report.getInt("items[7].duplicate_of"));
    assertEquals(
        "DOI 10.5555/test-mix-n-" + u + " belongs to paper " + second + " with another title",
        report.getString("items[7].reasons[0]"));

    given()
        .get("/api/v1/papers/" + corpus)
        .then()
        .body("venue", equalTo("Curated Venue"))
        .body("volume", equalTo("9"))
        .body("authors.name", contains("Emmy Noether"));
    given()
        .get("/api/v1/papers/" + created)
        .then()
        .body("venue", equalTo("Journal of Tests"))
        .body("volume", equalTo("3"))
        .body("authors.name", contains("Alan Turing"));

    JsonPath corpusHistory = history(corpus);
    assertEquals(java.util.List.of("create", "update"), corpusHistory.getList("items.action"));
    assertEquals(java.util.List.of(), corpusHistory.getList("items[1].before.authors"));
    assertEquals(
        java.util.List.of("Emmy Noether"), corpusHistory.getList("items[1].after.authors"));
    JsonPath createdHistory = history(created);
    assertEquals(java.util.List.of("create", "update"), createdHistory.getList("items.action"));
    assertEquals(null, createdHistory.getString("items[0].after.volume"));
    assertEquals("3", createdHistory.getString("items[1].after.volume"));
    assertEquals(java.util.List.of("create"), history(complete).getList("items.action"));
  }

  @Test
  void aNewAuthorIsSpelledAsTheFirstEntryThatNamesItSpellsIt() throws SQLException {
    // The first entry creates a paper without authors; the third fills them in with a spelling
    // the second entry's new paper used first.
    String u = unique();
    String bib =
        """
        @article{p%1$s, title = {Spelling target %1$s}, year = 2022}
        @article{q%1$s, title = {Spelling first use %1$s}, author = {Zoë Spellcheck%1$s}, year = 2022}
        @article{r%1$s, title = {Spelling target %1$s}, author = {Zoe Spellcheck%1$s}, year = 2022}
        """
            .formatted(u);
    JsonPath report =
        post(newKey("curator"), bib)
            .post("/api/v1/imports")
            .then()
            .statusCode(200)
            .body("items.status", contains("created", "created", "updated"))
            .extract()
            .jsonPath();
    given()
        .get("/api/v1/papers/" + report.getInt("items[0].paper_id"))
        .then()
        .body("authors", org.hamcrest.Matchers.hasSize(1));
    assertEquals("Zoë Spellcheck" + u, authorName("zoe spellcheck" + u));
  }

  @Test
  void aDryRunOfAMixedImportReportsTheSameAndWritesNothing() {
    String u = unique();
    String bib =
        """
        @article{n%1$s, title = {Dry mixed paper %1$s}, year = 2022, doi = {10.5555/test-drymix-%1$s}}
        @article{m%1$s, title = {Dry mixed paper %1$s}, year = 2022, volume = {5}}
        """
            .formatted(u);
    post(newKey("curator"), bib)
        .queryParam("dry_run", true)
        .post("/api/v1/imports")
        .then()
        .statusCode(200)
        .body("committed", equalTo(false))
        .body("items.status", contains("created", "updated"))
        .body("items.paper_id", contains(nullValue(), nullValue()))
        .body(
            "items[1].reasons",
            contains("filled missing fields of the paper an earlier entry of this import created"));
    given()
        .urlEncodingEnabled(false)
        .get("/api/v1/papers/doi:10.5555%2Ftest-drymix-" + u)
        .then()
        .statusCode(404);
  }

  private String authorName(String normalizedName) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT name FROM author WHERE normalized_name = ?")) {
      s.setString(1, normalizedName);
      try (ResultSet rs = s.executeQuery()) {
        assertTrue(rs.next(), "author " + normalizedName + " exists");
        return rs.getString(1);
      }
    }
  }
}
