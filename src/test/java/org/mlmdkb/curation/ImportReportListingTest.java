package org.mlmdkb.curation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.mlmdkb.curation.CurationFixtures.ADMIN_KEY;
import static org.mlmdkb.curation.CurationFixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlmdkb.result.imports.BenchmarkSourceImportTest;
import org.mlmdkb.testsupport.ApiTest;

/**
 * {@code items=} chooses which rows or entries an import's report lists; the summary counts them
 * all whatever it lists, and the import itself is the same.
 */
@QuarkusTest
class ImportReportListingTest extends ApiTest {

  /**
   * Three rows on a dataset of their own (so no board other classes assert on grows); the third
   * repeats the first, so it is skipped.
   */
  private static String threeRowsOneRepeated() {
    String row =
        "painn,"
            + BenchmarkSourceImportTest.ownDataset(ADMIN_KEY)
            + ",s1,energy-forces,forces,MAE,%s,meV/Å,per-atom,"
            + "https://github.com/example/benchmarks,results/listing.csv\n";
    return "method,dataset,subset,task,target,metric,value,unit,basis,repository,path\n"
        + row.formatted("1.5")
        + row.formatted("2.5")
        + row.formatted("1.5");
  }

  private static ValidatableResponse importCsv(String csv, String items) {
    return CurationFixtures.importCsv(ADMIN_KEY, csv, Map.of("items", items));
  }

  @Test
  void problemsListsOnlyTheSkippedRowAndCountsEveryRow() {
    importCsv(threeRowsOneRepeated(), "problems")
        .statusCode(200)
        .body("summary.created", equalTo(2))
        .body("summary.skipped", equalTo(1))
        .body("items.index", contains(3))
        .body("items[0].status", equalTo("skipped"));
  }

  @Test
  void noneListsNothingAndStoresTheSameRows() {
    String csv = threeRowsOneRepeated();
    importCsv(csv, "none")
        .statusCode(200)
        .body("committed", equalTo(true))
        .body("summary.created", equalTo(2))
        .body("items", empty());
    // Stored as a full report would have said: the same file again is all duplicates.
    importCsv(csv, "all")
        .statusCode(200)
        .body("summary.skipped", equalTo(3))
        .body("items", hasSize(3));
  }

  @Test
  void anUnknownListingIs400BeforeAnythingIsStored() {
    String csv = threeRowsOneRepeated();
    importCsv(csv, "some")
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].name", equalTo("items"));
    importCsv(csv, "none").statusCode(200).body("summary.created", equalTo(2));
  }

  @Test
  void aBibliographyTakesTheListingToo() {
    String u = unique();
    String bib = "@article{listing" + u + ", title = {Listed or not " + u + "}, year = {2024}}\n";
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .contentType("application/x-bibtex; charset=UTF-8")
        .queryParam("items", "none")
        .queryParam("dry_run", true)
        .body(bib.getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/imports")
        .then()
        .statusCode(200)
        .body("summary.created", equalTo(1))
        .body("items", empty());
  }
}
