package org.mlmdkb.result.imports;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mlmdkb.curation.CurationFixtures.importCsv;
import static org.mlmdkb.curation.CurationFixtures.newKey;
import static org.mlmdkb.curation.CurationFixtures.unique;
import static org.mlmdkb.result.imports.BenchmarkSourceImportTest.ownDataset;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlmdkb.common.db.Sql;
import org.mlmdkb.testsupport.ApiTest;

/**
 * Result imports of tens of thousands of rows, with the body limit of a deployment (the %test
 * profile keeps it small for the other tests), against the seeded corpus.
 */
@QuarkusTest
@TestProfile(LargeResultImportTest.LargeBodies.class)
class LargeResultImportTest extends ApiTest {

  /** The shipped result-body limit, so that 100,000 rows fit in a body. */
  public static class LargeBodies implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("kb.import.max-result-bytes", "33554432");
    }
  }

  private static final int ROWS = 20_000;

  private static final String HEADER =
      "method,dataset,subset,task,target,metric,value,unit,basis,n_train,split,repository,path\n";

  @Inject AgroalDataSource dataSource;

  /** Rows on PaiNN's 3BPA force MAE board, on a split of their own, each a different value. */
  private static String csv(String split, int rows, int badRow) {
    StringBuilder body = new StringBuilder(HEADER);
    for (int i = 1; i <= rows; i++) {
      body.append("painn,3bpa,test-600k,energy-forces,forces,MAE,")
          .append(1 + i / 1000.0)
          .append(',')
          .append(i == badRow ? "furlong" : "meV/Å")
          .append(",per-atom,500,")
          .append(split)
          .append(",https://github.com/example/benchmarks,results/large.csv\n");
    }
    return body.toString();
  }

  private long count(String sql, String split) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, split);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private long countBy(String sql, String dataset) throws SQLException {
    return Sql.with(
        dataSource, h -> h.createQuery(sql).bind("dataset", dataset).mapTo(Long.class).one());
  }

  private long storedResults(String split) throws SQLException {
    return count("SELECT count(*) FROM benchmark_result WHERE split = ?", split);
  }

  private long historyOfStoredResults(String split) throws SQLException {
    return count(
        """
        SELECT count(*) FROM change_history h
        JOIN benchmark_result r ON r.id = h.item_id
        WHERE h.collection = 'results' AND h.action = 'create' AND r.split = ?
          AND (h.after ->> 'split') = r.split AND (h.after ->> 'value')::numeric = r.value
        """,
        split);
  }

  @Test
  void largeImportStoresEveryRowOnceAndASecondImportStoresNone() throws SQLException {
    String key = newKey("curator");
    String split = "large-" + unique();
    String body = csv(split, ROWS, -1);

    importCsv(key, body)
        .statusCode(200)
        .body("committed", equalTo(true))
        .body("summary.created", equalTo(ROWS))
        .body("summary.skipped", equalTo(0))
        .body("items[19999].status", equalTo("created"));
    assertEquals(ROWS, storedResults(split));
    assertEquals(ROWS, historyOfStoredResults(split));

    importCsv(key, body)
        .statusCode(200)
        .body("summary.created", equalTo(0))
        .body("summary.skipped", equalTo(ROWS))
        .body("items[0].reasons[0]", containsString("duplicate of result "));
    assertEquals(ROWS, storedResults(split));
    assertEquals(ROWS, historyOfStoredResults(split));
  }

  @Test
  void aLargeImportsRowsAreCountedOnTheirBoardWithThePerRowChecksOff() throws SQLException {
    String key = newKey("curator");
    String dataset = ownDataset(key);
    StringBuilder csv = new StringBuilder("method,dataset,subset,task,target,metric,value,unit,");
    csv.append("basis,n_train,repository,path\n");
    for (int i = 1; i <= ROWS; i++) {
      csv.append("painn,")
          .append(dataset)
          .append(",s1,energy-forces,forces,MAE,")
          .append(1 + i / 1000.0)
          .append(",meV/Å,per-atom,")
          .append(100 + i % 4)
          .append(",https://github.com/example/benchmarks,results/bulk.csv\n");
    }

    importCsv(key, csv.toString(), Map.of("items", "none"))
        .statusCode(200)
        .body("summary.created", equalTo(ROWS));

    // With SetBasedReferenceChecks: the counts are kept by triggers that must fire all the same.
    long stored =
        countBy(
            "SELECT count(*) FROM live_benchmark_result r JOIN dataset d ON d.id = r.dataset_id"
                + " WHERE d.slug = :dataset",
            dataset);
    long counted =
        countBy(
            "SELECT coalesce(sum(c.n), 0) FROM board_result_count c"
                + " JOIN dataset d ON d.id = c.dataset_id WHERE d.slug = :dataset",
            dataset);
    long byMethod =
        countBy(
            "SELECT coalesce(sum(m.n), 0) FROM board_method_count m"
                + " JOIN dataset d ON d.id = m.dataset_id WHERE d.slug = :dataset",
            dataset);
    long fingerprints =
        countBy(
            "SELECT count(*) FROM board_fingerprint_count f"
                + " JOIN dataset d ON d.id = f.dataset_id WHERE d.slug = :dataset AND f.n > 0",
            dataset);
    assertEquals(ROWS, stored);
    assertEquals(ROWS, counted);
    assertEquals(ROWS, byMethod);
    assertEquals(4, fingerprints, "one per n_train");
  }

  @Test
  void oneBadRowAmongTwentyThousandStoresNothing() throws SQLException {
    String split = "large-bad-" + unique();

    importCsv(newKey("curator"), csv(split, ROWS, 12_345))
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", endsWith("import-rejected"))
        .body("errors.size()", equalTo(1))
        .body("errors[0].name", equalTo("row 12345"));
    assertEquals(0, storedResults(split));
  }

  @Test
  void moreRowsThanTheCapIs413BeforeAnythingIsStored() throws SQLException {
    String split = "over-cap-" + unique();

    importCsv(newKey("curator"), csv(split, 100_001, -1))
        .statusCode(413)
        .contentType("application/problem+json")
        .body("type", endsWith("content-too-large"))
        .body("detail", containsString("at most 100000 results"))
        .body("errors[0].name", equalTo("body"));
    assertEquals(0, storedResults(split));
  }
}
