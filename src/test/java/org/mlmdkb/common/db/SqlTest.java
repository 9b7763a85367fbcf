package org.mlmdkb.common.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Jdbi binds and maps on connections it does not own: the transaction's owner (JTA, a read
 * snapshot) decides commit or rollback, and the connection is neither closed nor reset.
 */
@QuarkusTest
class SqlTest {

  @Inject AgroalDataSource dataSource;

  @BeforeEach
  void createProbeTable() throws SQLException {
    Sql.use(dataSource, h -> h.execute("CREATE TABLE IF NOT EXISTS sql_probe (v text)"));
    Sql.use(dataSource, h -> h.execute("TRUNCATE sql_probe"));
  }

  @AfterEach
  void dropProbeTable() throws SQLException {
    Sql.use(dataSource, h -> h.execute("DROP TABLE sql_probe"));
  }

  @Test
  void aWriteInsideAJtaTransactionRolledBackByItsOwnerLeavesNoRow() throws SQLException {
    QuarkusTransaction.begin();
    try {
      insert("rolled back");
    } finally {
      QuarkusTransaction.rollback();
    }
    assertEquals(List.of(), values());
  }

  @Test
  void aWriteInsideAJtaTransactionIsStoredWhenItsOwnerCommits() throws SQLException {
    QuarkusTransaction.begin();
    insert("first");
    insert("second");
    QuarkusTransaction.commit();
    assertEquals(List.of("first", "second"), values());
  }

  @Test
  void aConnectionInALocalTransactionStaysOpenAndInItsTransaction() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      Sql.use(c, h -> h.createUpdate("INSERT INTO sql_probe VALUES (:v)").bind("v", "x").execute());
      assertFalse(c.isClosed());
      assertFalse(c.getAutoCommit());
      c.rollback();
      c.setAutoCommit(true);
    }
    assertEquals(List.of(), values());
  }

  @Test
  void castsQuotedColonsAndCommentsAreNotParameters() throws SQLException {
    String sql =
        """
        SELECT 'a:b' || :x::text || "c:d" -- not :a parameter
        /* nor :this */
        FROM (SELECT 'c' AS "c:d") t
        """;
    String value =
        Sql.with(dataSource, h -> h.createQuery(sql).bind("x", "Y").mapTo(String.class).one());
    assertEquals("a:bYc", value);
  }

  @Test
  void arraysAndUntypedNullsBindAsBefore() throws SQLException {
    Long[] ids = {3L, 1L, 2L};
    Long sum =
        Sql.with(
            dataSource,
            h ->
                h.createQuery("SELECT sum(x)::bigint FROM unnest(:ids) x")
                    .bind("ids", ids)
                    .mapTo(Long.class)
                    .one());
    assertEquals(6L, sum);
    Object nothing = null;
    assertNull(
        Sql.with(
            dataSource,
            h ->
                h.createQuery("SELECT :n::bigint + 1").bind("n", nothing).mapTo(Long.class).one()));
  }

  @Test
  void aFailureComesOutAsTheDriversExceptionWithItsSqlState() {
    SQLException e =
        assertThrows(SQLException.class, () -> Sql.use(dataSource, h -> h.execute("SELECT 1/0")));
    assertEquals("22012", e.getSQLState());
  }

  private void insert(String v) throws SQLException {
    Sql.use(
        dataSource,
        h -> h.createUpdate("INSERT INTO sql_probe VALUES (:v)").bind("v", v).execute());
  }

  private List<String> values() throws SQLException {
    return Sql.with(
        dataSource,
        h -> h.createQuery("SELECT v FROM sql_probe ORDER BY v").mapTo(String.class).list());
  }
}
