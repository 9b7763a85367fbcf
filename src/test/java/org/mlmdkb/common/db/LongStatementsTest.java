package org.mlmdkb.common.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** A statement longer than the socket timeout finishes inside LongStatements, and only there. */
@QuarkusTest
class LongStatementsTest {

  private static final int SHORT_SOCKET_TIMEOUT_MILLIS = 500;

  @Inject AgroalDataSource dataSource;

  @Test
  void aStatementOutlastingTheSocketTimeoutFinishesWithinLongStatements() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.setNetworkTimeout(Runnable::run, SHORT_SOCKET_TIMEOUT_MILLIS);
      int slept = LongStatements.run(c, () -> sleepOneSecond(c));
      assertEquals(1, slept);
      assertEquals(SHORT_SOCKET_TIMEOUT_MILLIS, c.getNetworkTimeout(), "the timeout is restored");
    }
  }

  @Test
  void theSameStatementLosesTheConnectionOutsideIt() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.setNetworkTimeout(Runnable::run, SHORT_SOCKET_TIMEOUT_MILLIS);
      assertThrows(SQLException.class, () -> sleepOneSecond(c));
    }
  }

  private static int sleepOneSecond(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SELECT pg_sleep(1)");
      return 1;
    }
  }
}
