package org.mlmdkb.common.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each soft-deletable table has a live_ view that shows all of its columns and only live rows. */
@QuarkusTest
class LiveRowViewsTest {

  /** History keeps the deleted_at of past versions; it is read as of a date, never as live rows. */
  private static final String HISTORY = "benchmark_result_history";

  @Inject AgroalDataSource dataSource;

  @Test
  void everySoftDeletableTableHasALiveView() throws SQLException {
    List<String> tables =
        strings(
            """
            SELECT c.table_name FROM information_schema.columns c
            JOIN information_schema.tables t USING (table_schema, table_name)
            WHERE c.table_schema = 'public' AND c.column_name = 'deleted_at'
              AND t.table_type = 'BASE TABLE' AND c.table_name <> ?
            ORDER BY 1
            """,
            HISTORY);
    List<String> expectedViews = tables.stream().map(t -> "live_" + t).toList();
    List<String> views =
        strings(
            """
            SELECT table_name FROM information_schema.views
            WHERE table_schema = 'public' AND table_name LIKE 'live\\_%' AND is_updatable = 'YES'
            ORDER BY 1
            """);
    assertEquals(
        List.of("article", "benchmark_result", "dataset", "method", "metric", "paper", "tag"),
        tables);
    assertEquals(expectedViews, views);
  }

  /**
   * SELECT * is expanded when a view is created: a migration that adds a column to a table must
   * re-create its view (see V170), or reads through the view would not see the column.
   */
  @Test
  void everyLiveViewHasItsTablesColumnsInOrder() throws SQLException {
    Map<String, List<String>> tableColumns = columnsByRelation("BASE TABLE");
    Map<String, List<String>> viewColumns = columnsByRelation("VIEW");
    int compared = 0;
    for (Map.Entry<String, List<String>> view : viewColumns.entrySet()) {
      if (view.getKey().startsWith("live_")) {
        String table = view.getKey().substring("live_".length());
        assertEquals(tableColumns.get(table), view.getValue(), view.getKey() + " vs " + table);
        compared++;
      }
    }
    assertEquals(7, compared, "live views compared");
  }

  @Test
  void aLiveViewHidesSoftDeletedRowsOnly() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        long id = insertPaper(c);
        assertEquals(1, count(c, "SELECT count(*) FROM live_paper WHERE id = ?", id));
        execute(c, "UPDATE paper SET deleted_at = now() WHERE id = ?", id);
        assertEquals(0, count(c, "SELECT count(*) FROM live_paper WHERE id = ?", id));
        assertEquals(1, count(c, "SELECT count(*) FROM paper WHERE id = ?", id));
      } finally {
        c.rollback();
      }
    }
  }

  private static long insertPaper(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO paper (entry_type, title) VALUES ('article', 'Live view probe')"
                + " RETURNING id")) {
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static long count(Connection c, String sql, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void execute(Connection c, String sql, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, id);
      ps.executeUpdate();
    }
  }

  private Map<String, List<String>> columnsByRelation(String type) throws SQLException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                """
                SELECT c.table_name, c.column_name FROM information_schema.columns c
                JOIN information_schema.tables t USING (table_schema, table_name)
                WHERE c.table_schema = 'public' AND t.table_type = ?
                ORDER BY c.table_name, c.ordinal_position
                """)) {
      ps.setString(1, type);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        }
      }
    }
    return out;
  }

  private List<String> strings(String sql, String... params) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }
}
