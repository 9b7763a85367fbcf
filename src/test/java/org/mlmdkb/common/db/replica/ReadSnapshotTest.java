package org.mlmdkb.common.db.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReadSnapshotTest {

  @Inject ReadSnapshot snapshot;
  @Inject ReadDataSource reads;
  @Inject DataSource primary;

  @Test
  void everyReadOfOneSnapshotUsesOneConnection() throws SQLException {
    List<Long> backends =
        snapshot.read(
            () -> List.of(single("SELECT pg_backend_pid()"), single("SELECT pg_backend_pid()")));
    assertEquals(backends.get(0), backends.get(1));
  }

  @Test
  void aWriteCommittedMidwayIsNotSeenByTheSnapshotsLaterReads() throws Exception {
    String count = "SELECT count(*) FROM tag WHERE slug = 'snapshot-probe'";
    List<Long> seen =
        snapshot.read(
            () -> {
              long before = single(count);
              CompletableFuture.runAsync(this::insertProbeTag).join();
              return List.of(before, single(count));
            });
    try {
      assertEquals(List.of(0L, 0L), seen);
      assertEquals(1L, single(count), "outside the snapshot the committed tag is there");
    } finally {
      execute(primary, "DELETE FROM tag WHERE slug = 'snapshot-probe'");
    }
  }

  /**
   * A page's statements look one item up by id or slug; its snapshot asks for generic plans so that
   * they are not planned again per request, and only for that transaction.
   */
  @Test
  void theSnapshotUsesGenericPlansForItsTransactionOnly() throws SQLException {
    assertEquals("force_generic_plan", snapshot.read(() -> text("SHOW plan_cache_mode")));
    assertEquals("auto", text("SHOW plan_cache_mode"));
  }

  /** A generic plan cannot see a page's LIMIT; parallel workers would only add their start-up. */
  @Test
  void theSnapshotPlansWithoutParallelWorkersForItsTransactionOnly() throws SQLException {
    String usual = text("SHOW max_parallel_workers_per_gather");
    assertEquals("0", snapshot.read(() -> text("SHOW max_parallel_workers_per_gather")));
    assertEquals(usual, text("SHOW max_parallel_workers_per_gather"));
  }

  private String text(String sql) throws SQLException {
    try (Connection c = reads.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private long single(String sql) throws SQLException {
    return Long.parseLong(text(sql));
  }

  private void insertProbeTag() {
    try {
      execute(primary, "INSERT INTO tag (slug, label) VALUES ('snapshot-probe', 'Snapshot probe')");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void execute(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
