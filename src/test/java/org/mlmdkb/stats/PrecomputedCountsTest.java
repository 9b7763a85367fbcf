package org.mlmdkb.stats;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mlmdkb.curation.CurationFixtures.importCsv;
import static org.mlmdkb.curation.CurationFixtures.newKey;
import static org.mlmdkb.curation.CurationFixtures.unique;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.mlmdkb.testsupport.ApiTest;

/**
 * The board index and /stats read counts that triggers maintain (V130, V131): after any mix of
 * writes, concurrent ones included, they equal a recount of the live rows.
 */
@QuarkusTest
class PrecomputedCountsTest extends ApiTest {

  /** The board index as the scan of every live result computed it before V130. */
  private static final String BOARDS_BY_SCAN =
      """
      SELECT d.slug || '/' || coalesce(s.slug, '') || '/' || r.task || '/' || r.target || '/'
             || r.metric || '=' || count(*) || ',' || count(DISTINCT r.method_id) || ','
             || count(DISTINCT (r.basis, r.split, r.n_train, r.level_of_theory,
                                r.temperature_k, r.canonical_unit))
      FROM benchmark_result r JOIN dataset d ON d.id = r.dataset_id
      LEFT JOIN dataset_subset s ON s.id = r.subset_id
      WHERE r.deleted_at IS NULL AND d.deleted_at IS NULL
      GROUP BY d.slug, s.slug, r.task, r.target, r.metric
      ORDER BY d.slug, s.slug NULLS FIRST, r.task, r.target, r.metric
      """;

  private static final String BOARD_COUNTS_BY_TRIGGER =
      """
      SELECT d.slug || '/' || coalesce(s.slug, '') || '/' || r.task || '/' || r.target || '/'
             || r.metric || '=' || sum(r.n) || ',' || count(DISTINCT r.method_id) || ','
             || count(DISTINCT (r.basis, r.split, r.n_train, r.level_of_theory,
                                r.temperature_k, r.canonical_unit))
      FROM board_result_count r JOIN dataset d ON d.id = r.dataset_id
      LEFT JOIN dataset_subset s ON s.id = r.subset_id
      WHERE r.n > 0 AND d.deleted_at IS NULL
      GROUP BY d.slug, s.slug, r.task, r.target, r.metric
      ORDER BY d.slug, s.slug NULLS FIRST, r.task, r.target, r.metric
      """;

  /** The per-board rows of V165 that the index reads, in the same form. */
  private static final String BOARD_SUMMARIES_BY_TRIGGER =
      """
      SELECT d.slug || '/' || coalesce(s.slug, '') || '/' || r.task || '/' || r.target || '/'
             || r.metric || '=' || r.n_results || ',' || r.n_methods || ',' || r.n_fingerprints
      FROM board_summary r JOIN dataset d ON d.id = r.dataset_id
      LEFT JOIN dataset_subset s ON s.id = r.subset_id
      WHERE r.n_results > 0 AND d.deleted_at IS NULL
      ORDER BY d.slug, s.slug NULLS FIRST, r.task, r.target, r.metric
      """;

  /** Live papers per method and dataset, recounted and as the triggers of V167 keep them. */
  private static final String LINKED_PAPERS_BY_SCAN =
      """
      SELECT kind || ':' || item_id || '=' || n FROM (
          SELECT 'method' AS kind, l.method_id AS item_id, count(*) AS n FROM paper_method l
          JOIN paper p ON p.id = l.paper_id AND p.deleted_at IS NULL GROUP BY l.method_id
          UNION ALL
          SELECT 'dataset', l.dataset_id, count(*) FROM paper_dataset l
          JOIN paper p ON p.id = l.paper_id AND p.deleted_at IS NULL GROUP BY l.dataset_id) c
      ORDER BY 1
      """;

  private static final String LINKED_PAPERS_BY_TRIGGER =
      "SELECT kind || ':' || item_id || '=' || n FROM linked_live_paper_count WHERE n <> 0"
          + " ORDER BY 1";

  private static final String LIVE_PAPERS = "SELECT count(*) FROM paper WHERE deleted_at IS NULL";
  private static final String LIVE_AUTHORS =
      "SELECT count(DISTINCT pa.author_id) FROM paper_author pa"
          + " JOIN paper p ON p.id = pa.paper_id WHERE p.deleted_at IS NULL";
  private static final String LIVE_RESULTS =
      "SELECT count(*) FROM benchmark_result WHERE deleted_at IS NULL";

  @Inject AgroalDataSource dataSource;

  @Test
  void boardIndexEqualsAScanOfLiveResults() throws SQLException {
    JsonPath index =
        given().when().get("/api/v1/leaderboards").then().statusCode(200).extract().jsonPath();
    // One GPath per item would compile a Groovy expression each; read the items as maps.
    List<String> fromApi = new ArrayList<>();
    for (Map<String, Object> item : index.<Map<String, Object>>getList("items")) {
      Object subset = item.get("subset");
      fromApi.add(
          slug(item.get("dataset"))
              + "/"
              + (subset == null ? "" : slug(subset))
              + "/"
              + item.get("task")
              + "/"
              + item.get("target")
              + "/"
              + item.get("metric")
              + "="
              + item.get("n_results")
              + ","
              + item.get("n_methods")
              + ","
              + item.get("n_fingerprints"));
    }
    assertEquals(strings(BOARDS_BY_SCAN), fromApi);
  }

  @Test
  void statsEqualACountOfLiveRows() throws SQLException {
    JsonPath stats =
        given().when().get("/api/v1/stats").then().statusCode(200).extract().jsonPath();
    assertEquals(
        List.of(count(LIVE_PAPERS), count(LIVE_AUTHORS), count(LIVE_RESULTS)),
        List.of(stats.getLong("papers"), stats.getLong("authors"), stats.getLong("results")));
  }

  @Test
  void softDeleteRestoreAndMoveOfAResultKeepBoardCountsExact() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      try {
        insertResults(s, "test:counts-a", 3);
        s.executeUpdate(
            "UPDATE benchmark_result SET deleted_at = now() WHERE seed_key = 'test:counts-a:1'");
        s.executeUpdate(
            "UPDATE benchmark_result SET metric = 'counts-probe-moved'"
                + " WHERE seed_key = 'test:counts-a:2'");
        s.executeUpdate(
            "UPDATE benchmark_result SET deleted_at = now() WHERE seed_key = 'test:counts-a:3'");
        s.executeUpdate(
            "UPDATE benchmark_result SET deleted_at = NULL WHERE seed_key = 'test:counts-a:3'");
        s.executeUpdate("DELETE FROM benchmark_result WHERE seed_key = 'test:counts-a:3'");
        assertEquals(strings(c, BOARDS_BY_SCAN), strings(c, BOARD_COUNTS_BY_TRIGGER));
        assertEquals(strings(c, BOARDS_BY_SCAN), strings(c, BOARD_SUMMARIES_BY_TRIGGER));
      } finally {
        c.rollback();
      }
    }
  }

  @Test
  void boardSummariesFollowMethodsAndFingerprintsLeavingAndABoardEmptying() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      try {
        insertResults(s, "test:summary-a", 4);
        // A second method and a second fingerprint (another basis) on the same board ...
        s.executeUpdate(
            "UPDATE benchmark_result SET method_id = (SELECT max(id) FROM method),"
                + " basis = 'per-atom' WHERE seed_key = 'test:summary-a:1'");
        assertEquals(strings(c, BOARDS_BY_SCAN), strings(c, BOARD_SUMMARIES_BY_TRIGGER));
        // ... which leave again: the board counts one method and one fingerprint.
        s.executeUpdate(
            "UPDATE benchmark_result SET deleted_at = now() WHERE seed_key = 'test:summary-a:1'");
        assertEquals(strings(c, BOARDS_BY_SCAN), strings(c, BOARD_SUMMARIES_BY_TRIGGER));
        // Every result of the board gone, in one statement: the board leaves the index.
        s.executeUpdate(
            "UPDATE benchmark_result SET deleted_at = now()"
                + " WHERE seed_key LIKE 'test:summary-a:%' AND deleted_at IS NULL");
        assertEquals(strings(c, BOARDS_BY_SCAN), strings(c, BOARD_SUMMARIES_BY_TRIGGER));
        s.executeUpdate(
            "UPDATE benchmark_result SET deleted_at = NULL WHERE seed_key = 'test:summary-a:2'");
        s.executeUpdate("DELETE FROM benchmark_result WHERE seed_key = 'test:summary-a:3'");
        assertEquals(strings(c, BOARDS_BY_SCAN), strings(c, BOARD_SUMMARIES_BY_TRIGGER));
      } finally {
        c.rollback();
      }
    }
  }

  @Test
  void resultImportsMoveBoardSummariesToAFullRecount() throws SQLException {
    // Rows on PaiNN's 3BPA force board: 40 new fingerprints (n_train) and two methods, one of
    // them new to a fingerprint another already holds, so some rows count and some do not.
    StringBuilder csv =
        new StringBuilder(
            "method,dataset,subset,task,target,metric,value,unit,basis,n_train,split,repository,path\n");
    String split = "counts-import-" + unique();
    for (int i = 1; i <= 200; i++) {
      csv.append(i % 2 == 0 ? "painn" : "mace")
          .append(",3bpa,test-600k,energy-forces,forces,MAE,")
          .append(1 + i / 100.0)
          .append(",meV/Å,per-atom,")
          .append(1 + i % 40)
          .append(',')
          .append(split)
          .append(",https://github.com/example/benchmarks,results/counts.csv\n");
    }
    String key = newKey("curator");
    importCsv(key, csv.toString()).statusCode(200).body("summary.created", equalTo(200));
    assertEquals(strings(BOARDS_BY_SCAN), strings(BOARD_SUMMARIES_BY_TRIGGER));
    // The same file again stores nothing and moves nothing.
    importCsv(key, csv.toString()).statusCode(200).body("summary.skipped", equalTo(200));
    assertEquals(strings(BOARDS_BY_SCAN), strings(BOARD_SUMMARIES_BY_TRIGGER));
    assertEquals(strings(BOARDS_BY_SCAN), strings(BOARD_COUNTS_BY_TRIGGER));
  }

  @Test
  void linkedPaperCountsOfMethodsAndDatasetsSurviveLinksSoftDeletesAndHardDeletes()
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      try {
        long first = insertPaperWithAuthors(s, "test:linked-p1", "linked one");
        long second = insertPaperWithAuthors(s, "test:linked-p2", "linked two");
        for (long paper : List.of(first, second)) {
          s.executeUpdate(
              "INSERT INTO paper_method (paper_id, method_id, relation)"
                  + " SELECT "
                  + paper
                  + ", id, 'uses' FROM method ORDER BY id LIMIT 2");
          s.executeUpdate(
              "INSERT INTO paper_dataset (paper_id, dataset_id, relation)"
                  + " SELECT "
                  + paper
                  + ", id, 'uses' FROM dataset ORDER BY id LIMIT 2");
        }
        s.executeUpdate("UPDATE paper SET deleted_at = now() WHERE id = " + first);
        s.executeUpdate("UPDATE paper SET deleted_at = now() WHERE id = " + second);
        s.executeUpdate("UPDATE paper SET deleted_at = NULL WHERE id = " + second);
        s.executeUpdate("DELETE FROM paper WHERE id = " + first); // was soft-deleted
        s.executeUpdate(
            "UPDATE paper_method SET relation = 'introduces' WHERE paper_id = " + second);
        s.executeUpdate(
            "DELETE FROM paper_dataset WHERE paper_id = "
                + second
                + " AND dataset_id = (SELECT min(id) FROM dataset)");
        assertEquals(strings(c, LINKED_PAPERS_BY_SCAN), strings(c, LINKED_PAPERS_BY_TRIGGER));
        s.executeUpdate("DELETE FROM paper WHERE id = " + second); // live: the cascade counts
        assertEquals(strings(c, LINKED_PAPERS_BY_SCAN), strings(c, LINKED_PAPERS_BY_TRIGGER));
      } finally {
        c.rollback();
      }
    }
  }

  @Test
  void paperAndAuthorCountsSurviveSoftDeletesRestoresAndHardDeletes() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      try {
        long first = insertPaperWithAuthors(s, "test:counts-p1", "counts shared", "counts one");
        long second = insertPaperWithAuthors(s, "test:counts-p2", "counts shared", "counts two");
        s.executeUpdate("UPDATE paper SET deleted_at = now() WHERE id = " + first);
        s.executeUpdate("UPDATE paper SET deleted_at = now() WHERE id = " + second);
        s.executeUpdate("UPDATE paper SET deleted_at = NULL WHERE id = " + second);
        s.executeUpdate("DELETE FROM paper WHERE id = " + first); // was soft-deleted
        s.executeUpdate(
            "DELETE FROM paper_author WHERE paper_id = " + second + " AND position = 2");
        assertEquals(
            List.of(count(c, LIVE_PAPERS), count(c, LIVE_AUTHORS)),
            List.of(
                count(c, "SELECT sum(n) FROM live_count WHERE name = 'papers'"),
                count(c, "SELECT sum(n) FROM live_count WHERE name = 'authors'")));
      } finally {
        c.rollback();
      }
    }
  }

  @Test
  void concurrentWritersKeepEveryCountExact() throws Exception {
    int writers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<Void>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        done.add(pool.submit((Callable<Void>) () -> writeConcurrently(writer)));
      }
      for (Future<Void> f : done) {
        f.get();
      }
      try (Connection c = dataSource.getConnection()) {
        assertEquals(
            List.of(
                strings(c, BOARDS_BY_SCAN),
                strings(c, BOARDS_BY_SCAN),
                count(c, LIVE_PAPERS),
                count(c, LIVE_AUTHORS),
                count(c, LIVE_RESULTS)),
            List.of(
                strings(c, BOARD_COUNTS_BY_TRIGGER),
                strings(c, BOARD_SUMMARIES_BY_TRIGGER),
                count(c, "SELECT sum(n) FROM live_count WHERE name = 'papers'"),
                count(c, "SELECT sum(n) FROM live_count WHERE name = 'authors'"),
                count(c, "SELECT sum(n) FROM board_result_count")));
      }
    } finally {
      pool.shutdownNow();
      try (Connection c = dataSource.getConnection();
          Statement s = c.createStatement()) {
        s.executeUpdate("DELETE FROM benchmark_result WHERE seed_key LIKE 'test:concurrent:%'");
        s.executeUpdate("DELETE FROM paper WHERE seed_key LIKE 'test:concurrent:%'");
      }
    }
  }

  /**
   * One writer's committed transactions on the same boards and authors as the others: new papers
   * and results, soft deletes and restores.
   */
  private Void writeConcurrently(int writer) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      for (int round = 0; round < 10; round++) {
        String key = "test:concurrent:" + writer + ":" + round;
        long paper = insertPaperWithAuthors(s, key, "counts shared", "counts w" + writer);
        insertResults(s, key, 2);
        c.commit();
        if (round % 3 == 0) {
          s.executeUpdate("UPDATE paper SET deleted_at = now() WHERE id = " + paper);
          s.executeUpdate(
              "UPDATE benchmark_result SET deleted_at = now() WHERE seed_key = '" + key + ":1'");
          c.commit();
        }
        if (round % 6 == 0) {
          s.executeUpdate("UPDATE paper SET deleted_at = NULL WHERE id = " + paper);
          c.commit();
        }
      }
    }
    return null;
  }

  /** {@code n} results on one probe board of the first seeded dataset, keyed prefix:1..n. */
  private static void insertResults(Statement s, String prefix, int n) throws SQLException {
    s.executeUpdate(
        """
        INSERT INTO benchmark_result (seed_key, method_id, dataset_id, task, target, metric,
            value, unit, canonical_value, canonical_unit, basis, status)
        SELECT '%s:' || g, (SELECT min(id) FROM method), (SELECT min(id) FROM dataset),
            'energy-forces', 'forces', 'counts-probe', g, '1', g, '1', 'none', 'reported'
        FROM generate_series(1, %d) g
        """
            .formatted(prefix, n));
  }

  private static long insertPaperWithAuthors(Statement s, String key, String... authors)
      throws SQLException {
    long paper;
    try (ResultSet rs =
        s.executeQuery(
            "INSERT INTO paper (entry_type, title, seed_key) VALUES ('article', 'Counts probe', '"
                + key
                + "') RETURNING id")) {
      rs.next();
      paper = rs.getLong(1);
    }
    for (int i = 0; i < authors.length; i++) {
      s.executeUpdate(
          """
          WITH a AS (
              INSERT INTO author (name, normalized_name) VALUES ('%1$s', '%1$s')
              ON CONFLICT (normalized_name) DO UPDATE SET name = EXCLUDED.name RETURNING id)
          INSERT INTO paper_author (paper_id, position, author_id, name_as_written)
          SELECT %2$d, %3$d, id, '%1$s' FROM a
          """
              .formatted(authors[i], paper, i + 1));
    }
    return paper;
  }

  private static Object slug(Object ref) {
    return ((Map<?, ?>) ref).get("slug");
  }

  private List<String> strings(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return strings(c, sql);
    }
  }

  private static List<String> strings(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private long count(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return count(c, sql);
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
