package org.mlmdkb.curation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mlmdkb.curation.CurationFixtures.ADMIN_KEY;
import static org.mlmdkb.curation.CurationFixtures.newKey;
import static org.mlmdkb.curation.CurationFixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlmdkb.testsupport.ApiTest;

@QuarkusTest
class ImportResourceTest extends ApiTest {

  private static final String BIBTEX = "application/x-bibtex";

  private static RequestSpecification importRequest(String key, String bib) {
    return given()
        .header("Authorization", "Bearer " + key)
        .contentType(BIBTEX + "; charset=UTF-8")
        .body(bib.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static int behlerId() {
    return given()
        .urlEncodingEnabled(false)
        .get("/api/v1/papers/doi:10.1103%2Fphysrevlett.98.146401")
        .then()
        .statusCode(200)
        .extract()
        .path("id");
  }

  @Test
  void importsBibLaTeXAndASecondImportOfTheSameFileCreatesNothing() {
    String u = unique();
    String arxiv = "1901.9" + String.format("%04d", Math.abs(u.hashCode() % 10000));
    String bib =
        """
        This bibliography was written by hand; prose before the first entry is ignored.

        @string(jcp = "The Journal of Chemical Physics")

        @article{first%1$s,
          author = {M{\\"u}ller, J{\\"o}rg and Smith, Anna},
          title = {{Learning} forces for {MD} %1$s},
          journaltitle = jcp,
          date = {2021-03-04},
          doi = {https://doi.org/10.5555/TEST-BIB-%1$s},
        }

        @article{second%1$s,
          author = {Zhang, Wei},
          title = {Equivariant potentials \\& friends %1$s},
          journal = PhysRevB,
          year = 2020,
          volume = {101},
          pages = {1--10},
        }

        @online{third%1$s,
          author = {Doe, Jane},
          title = {A preprint %1$s},
          date = {2019-11},
          eprint = {%2$s},
          eprinttype = {arxiv},
        }

        @article{behler2007,
          author = {Behler, J{\\"o}rg and Parrinello, Michele},
          title = {Generalized Neural-Network Representation of High-Dimensional Potential-Energy Surfaces},
          journal = {Physical Review Letters},
          year = {2007},
          doi = {10.1103/PhysRevLett.98.146401},
        }
        """
            .formatted(u, arxiv);
    String key = newKey("curator");
    JsonPath report =
        importRequest(key, bib)
            .when()
            .post("/api/v1/imports")
            .then()
            .statusCode(200)
            .body("committed", equalTo(true))
            .body("summary.created", equalTo(3))
            .body("summary.skipped", equalTo(1))
            .body("items.status", contains("created", "created", "created", "skipped"))
            .body("items[0].parsed.year", equalTo(2021))
            .body("items[0].parsed.venue", equalTo("The Journal of Chemical Physics"))
            .body("items[0].parsed.authors", contains("Jörg Müller", "Anna Smith"))
            .body("items[0].parsed.title", equalTo("Learning forces for MD " + u))
            .body("items[0].parsed.doi", equalTo("10.5555/test-bib-" + u))
            .body("items[1].parsed.venue", equalTo("Physical Review B"))
            .body("items[1].parsed.title", equalTo("Equivariant potentials & friends " + u))
            .body("items[2].parsed.year", equalTo(2019))
            .body("items[2].parsed.arxiv_id", equalTo(arxiv))
            .body("items[3].duplicate_of", equalTo(behlerId()))
            .extract()
            .jsonPath();
    given()
        .get("/api/v1/papers/" + report.getInt("items[0].paper_id"))
        .then()
        .statusCode(200)
        .body("date", equalTo("2021-03-04"))
        .body("entry_type", equalTo("article"));
    given()
        .get("/api/v1/papers/" + report.getInt("items[2].paper_id"))
        .then()
        .statusCode(200)
        .body("entry_type", equalTo("online"))
        .body("date", equalTo("2019-11"));

    importRequest(key, bib)
        .when()
        .post("/api/v1/imports")
        .then()
        .statusCode(200)
        .body("summary.created", equalTo(0))
        .body("summary.updated", equalTo(0))
        .body("summary.skipped", equalTo(4));
  }

  @Test
  void mergesByDoiFillingOnlyMissingFields() {
    String u = unique();
    String doi = "10.5555/test-merge-" + u;
    int id =
        given()
            .header("Authorization", "Bearer " + ADMIN_KEY)
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "entry_type",
                    "article",
                    "title",
                    "Merge target " + u,
                    "year",
                    2018,
                    "venue",
                    "Curated Venue",
                    "doi",
                    doi))
            .post("/api/v1/papers")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String bib =
        "@article{m, title = {Merge Target %s}, journal = {Other Venue}, year = 2018, volume = {42}, doi = {%s}}"
            .formatted(u, doi.toUpperCase());
    importRequest(ADMIN_KEY, bib)
        .post("/api/v1/imports")
        .then()
        .statusCode(200)
        .body("items[0].status", equalTo("updated"))
        .body("items[0].paper_id", equalTo(id));
    given()
        .get("/api/v1/papers/" + id)
        .then()
        .body("volume", equalTo("42"))
        .body("venue", equalTo("Curated Venue"));
    given()
        .header("Authorization", "Bearer " + org.mlmdkb.curation.CurationFixtures.ADMIN_KEY)
        .get("/api/v1/papers/" + id + "/history")
        .then()
        .body("items.action", contains("create", "update"))
        .body("items[1].after.volume", equalTo("42"));
  }

  @Test
  void dryRunReportsWithoutWriting() {
    String u = unique();
    importRequest(
            newKey("curator"),
            "@article{d, title = {Dry run %s}, year = 2020, doi = {10.5555/test-dry-%s}}"
                .formatted(u, u))
        .queryParam("dry_run", true)
        .post("/api/v1/imports")
        .then()
        .statusCode(200)
        .body("kind", equalTo("papers"))
        .body("dry_run", equalTo(true))
        .body("committed", equalTo(false))
        .body("items[0].status", equalTo("created"))
        .body("items[0].paper_id", nullValue())
        .body("items[0].result_id", nullValue());
    given()
        .urlEncodingEnabled(false)
        .get("/api/v1/papers/doi:10.5555%2Ftest-dry-" + u)
        .then()
        .statusCode(404);
  }

  @Test
  void oneMalformedEntryRejectsTheWholeImportUnlessPartial() {
    String u = unique();
    String bib =
        """
        @article{good%1$s, title = {Good one %1$s}, year = 2020, doi = {10.5555/test-good-%1$s}}
        @article{broken%1$s, title = {Unclosed %1$s, year = 2020
        @article{fine%1$s, title = {Good two %1$s}, year = 2021}
        """
            .formatted(u);
    String key = newKey("curator");
    importRequest(key, bib)
        .post("/api/v1/imports")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.name", contains("entry 2 (broken" + u + ")"));
    given()
        .urlEncodingEnabled(false)
        .get("/api/v1/papers/doi:10.5555%2Ftest-good-" + u)
        .then()
        .statusCode(404);

    importRequest(key, bib)
        .queryParam("partial", true)
        .post("/api/v1/imports")
        .then()
        .statusCode(200)
        .body("items.status", contains("created", "rejected", "created"))
        .body("items[1].reasons[0]", containsString("not valid BibTeX"));
  }

  @Test
  void bodyOverTheLimitIs413() {
    String big = "%" + "x".repeat(120_000) + "\n@misc{a, title = {Big}}";
    importRequest(ADMIN_KEY, big)
        .post("/api/v1/imports")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("status", equalTo(413));
  }

  @Test
  void exportedBibTeXReimportsToTheSamePapers() {
    String u = unique();
    String key = newKey("curator");
    List<Map<String, Object>> papers =
        List.of(
            Map.of(
                "entry_type",
                "article",
                "title",
                "Round trip: Schrödinger & Gauß in {braces} " + u,
                "year",
                2021,
                "venue",
                "Journal of Round Trips",
                "doi",
                "10.5555/test-rt1-" + u,
                "authors",
                List.of("Élodie Dupont", "Johannes Diderik van der Waals")),
            Map.of(
                "entry_type",
                "inproceedings",
                "title",
                "Round trip 50% of $x_1$ " + u,
                "year",
                2019,
                "venue",
                "Proceedings of Tests",
                "doi",
                "10.5555/test-rt2-" + u,
                "authors",
                List.of("Ada Lovelace")));
    List<Integer> ids =
        papers.stream()
            .map(
                p ->
                    given()
                        .header("Authorization", "Bearer " + key)
                        .contentType(ContentType.JSON)
                        .body(p)
                        .post("/api/v1/papers")
                        .then()
                        .statusCode(201)
                        .extract()
                        .<Integer>path("id"))
            .toList();
    String bibtex =
        given()
            .queryParam("q", u)
            .queryParam("sort", "title")
            .queryParam("format", "bibtex")
            .get("/api/v1/papers")
            .then()
            .statusCode(200)
            .extract()
            .asString();

    JsonPath report =
        importRequest(key, bibtex)
            .queryParam("dry_run", true)
            .post("/api/v1/imports")
            .then()
            .statusCode(200)
            .body("summary.skipped", equalTo(2))
            .extract()
            .jsonPath();
    for (int i = 0; i < 2; i++) {
      int original = report.getInt("items[" + i + "].duplicate_of");
      Map<String, Object> source = papers.get(ids.indexOf(original));
      assertEquals(source.get("title"), report.getString("items[" + i + "].parsed.title"));
      assertEquals(source.get("authors"), report.getList("items[" + i + "].parsed.authors"));
      assertEquals(source.get("year"), report.getInt("items[" + i + "].parsed.year"));
      assertEquals(source.get("doi"), report.getString("items[" + i + "].parsed.doi"));
      assertEquals(source.get("venue"), report.getString("items[" + i + "].parsed.venue"));
    }
  }
}
