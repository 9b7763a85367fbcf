package org.mlmdkb.result;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mlmdkb.curation.CurationFixtures.importCsv;
import static org.mlmdkb.curation.CurationFixtures.newKey;
import static org.mlmdkb.result.imports.BenchmarkSourceImportTest.ownDataset;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlmdkb.common.db.Sql;
import org.mlmdkb.testsupport.ApiTest;

/**
 * A result removed from a board takes its count rows with it when they fall to 0 (V184), and the
 * board's numbers stay those of its live results.
 */
@QuarkusTest
class BoardCountZeroRowsTest extends ApiTest {

  @Inject AgroalDataSource dataSource;

  private String dataset;

  /** Two PaiNN force MAEs on a board of their own, on two fingerprints (n_train 100 and 101). */
  @BeforeEach
  void twoResults() {
    String key = newKey("curator");
    dataset = ownDataset(key);
    String csv =
        "method,dataset,subset,task,target,metric,value,unit,basis,n_train,repository,path\n"
            + ("painn,%s,s1,energy-forces,forces,MAE,1.5,meV/Å,per-atom,100,https://x.org/b,c\n"
                    + "painn,%s,s1,energy-forces,forces,MAE,2.5,meV/Å,per-atom,101,https://x.org/b,c\n")
                .formatted(dataset, dataset);
    importCsv(key, csv).statusCode(200).body("summary.created", equalTo(2));
  }

  @Test
  void aSoftDeletedResultLeavesNoZeroCountRow() throws SQLException {
    execute("UPDATE benchmark_result SET deleted_at = now() WHERE n_train = 100 AND " + OURS);

    assertEquals(List.of(0L, 0L, 0L), zeroRows());
    assertEquals(List.of(1L, 1L, 1L), board());
  }

  @Test
  void aHardDeletedResultLeavesNoZeroCountRow() throws SQLException {
    execute("DELETE FROM benchmark_result WHERE n_train = 100 AND " + OURS);

    assertEquals(List.of(0L, 0L, 0L), zeroRows());
    assertEquals(List.of(1L, 1L, 1L), board());
  }

  @Test
  void aRestoredResultIsCountedAgain() throws SQLException {
    execute("UPDATE benchmark_result SET deleted_at = now() WHERE n_train = 100 AND " + OURS);
    execute("UPDATE benchmark_result SET deleted_at = NULL WHERE n_train = 100 AND " + OURS);

    assertEquals(List.of(0L, 0L, 0L), zeroRows());
    assertEquals(List.of(2L, 1L, 2L), board());
  }

  private static final String OURS = "dataset_id = (SELECT id FROM dataset WHERE slug = :dataset)";

  private void execute(String sql) throws SQLException {
    Sql.use(dataSource, h -> h.createUpdate(sql).bind("dataset", dataset).execute());
  }

  /**
   * Zero rows of this dataset in board_result_count, board_method_count, board_fingerprint_count.
   */
  private List<Long> zeroRows() throws SQLException {
    return Sql.with(
        dataSource,
        h ->
            h.createQuery(
                    """
                    SELECT (SELECT count(*) FROM board_result_count WHERE n = 0 AND %1$s),
                           (SELECT count(*) FROM board_method_count WHERE n = 0 AND %1$s),
                           (SELECT count(*) FROM board_fingerprint_count WHERE n = 0 AND %1$s)
                    """
                        .formatted(OURS))
                .bind("dataset", dataset)
                .map((rs, ctx) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .one());
  }

  /** The board's results, methods and fingerprints, as its summary holds them. */
  private List<Long> board() throws SQLException {
    return Sql.with(
        dataSource,
        h ->
            h.createQuery(
                    "SELECT n_results, n_methods, n_fingerprints FROM board_summary WHERE " + OURS)
                .bind("dataset", dataset)
                .map((rs, ctx) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .one());
  }
}
