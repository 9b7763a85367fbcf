package org.mlmdkb.common.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** PostgreSQL's own failures, as the API answers them. */
@QuarkusTest
class SqlStatesTest {

  @Inject AgroalDataSource dataSource;

  @Test
  void aWriteReferringToAnItemThatIsGoneIsAConflict() throws SQLException {
    SQLException violation;
    try (Connection c = dataSource.getConnection()) {
      violation =
          assertThrows(
              SQLException.class,
              () ->
                  c.createStatement()
                      .execute(
                          "INSERT INTO dataset_subset (dataset_id, slug, name)"
                              + " VALUES (-1, 'gone', 'Of a dataset that is gone')"));
    }
    assertEquals("23503", violation.getSQLState());

    ApiException conflict = SqlStates.conflict(new IllegalStateException(violation)).orElseThrow();

    assertEquals(409, conflict.status());
    assertEquals(ProblemType.CONFLICT, conflict.type());
    assertTrue(conflict.getMessage().contains("deleted an item this write refers to"));
  }
}
