package org.mlmdkb.curation;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mlmdkb.curation.CurationFixtures.newKey;
import static org.mlmdkb.curation.CurationFixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.mlmdkb.result.imports.BenchmarkSourceImportTest;
import org.mlmdkb.result.imports.SetBasedReferenceChecks;
import org.mlmdkb.testsupport.ApiTest;

/** Eight identical imports at once store exactly what one import stores; the others skip it. */
@QuarkusTest
class ConcurrentImportTest extends ApiTest {

  private static final int IMPORTS = 8;

  private static List<JsonPath> postConcurrently(String key, String contentType, String body)
      throws Exception {
    Callable<JsonPath> post =
        () ->
            given()
                .header("Authorization", "Bearer " + key)
                .contentType(contentType + "; charset=UTF-8")
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    ExecutorService pool = Executors.newFixedThreadPool(IMPORTS);
    try {
      List<Future<JsonPath>> futures = new ArrayList<>();
      for (int i = 0; i < IMPORTS; i++) {
        futures.add(pool.submit(post));
      }
      List<JsonPath> reports = new ArrayList<>();
      for (Future<JsonPath> f : futures) {
        reports.add(f.get());
      }
      return reports;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void identicalCsvImportsAtOnceStoreEachRowOnce() throws Exception {
    assertEachRowStoredOnce(50);
  }

  /** As many rows as take the set-based foreign-key checks, which every import runs at once. */
  @Test
  void identicalLargeCsvImportsAtOnceStoreEachRowOnce() throws Exception {
    assertEachRowStoredOnce(SetBasedReferenceChecks.MIN_ROWS);
  }

  private static void assertEachRowStoredOnce(int rows) throws Exception {
    // Synthetic rows: PaiNN force MAEs on a dataset of this test's own.
    String key = newKey("curator");
    String dataset = BenchmarkSourceImportTest.ownDataset(key);
    StringBuilder csv =
        new StringBuilder(
            "method,dataset,subset,task,target,metric,value,unit,basis,repository,path\n");
    for (int i = 1; i <= rows; i++) {
      csv.append("painn,")
          .append(dataset)
          .append(",s1,energy-forces,forces,MAE,")
          .append(i)
          .append(".5,meV/Å,none,https://x.org/b,c\n");
    }
    List<JsonPath> reports = postConcurrently(key, "text/csv", csv.toString());
    int created = reports.stream().mapToInt(r -> r.getInt("summary.created")).sum();
    int skipped = reports.stream().mapToInt(r -> r.getInt("summary.skipped")).sum();
    Set<Long> ids = new HashSet<>();
    reports.forEach(
        r ->
            r.getList("items.result_id", Long.class).stream()
                .filter(id -> id != null)
                .forEach(ids::add));
    assertEquals(rows, created);
    assertEquals(rows * (IMPORTS - 1), skipped);
    assertEquals(rows, ids.size());
  }

  @Test
  void identicalTitleOnlyBibtexImportsAtOnceCreateEachPaperOnce() throws Exception {
    // Synthetic entries: ten title-only papers named for this test.
    String run = unique();
    StringBuilder bib = new StringBuilder();
    for (int i = 1; i <= 10; i++) {
      bib.append("@article{c")
          .append(i)
          .append(", title = {Concurrent import check ")
          .append(run)
          .append(" number ")
          .append(i)
          .append("}, year = {2024}}\n");
    }
    List<JsonPath> reports =
        postConcurrently(newKey("curator"), "application/x-bibtex", bib.toString());
    int created = reports.stream().mapToInt(r -> r.getInt("summary.created")).sum();
    int skipped = reports.stream().mapToInt(r -> r.getInt("summary.skipped")).sum();
    assertEquals(10, created);
    assertEquals(10 * (IMPORTS - 1), skipped);
    given()
        .queryParam("q", "\"Concurrent import check " + run + "\"")
        .queryParam("limit", 100)
        .get("/api/v1/papers")
        .then()
        .statusCode(200)
        .body("total", org.hamcrest.Matchers.equalTo(10));
  }
}
