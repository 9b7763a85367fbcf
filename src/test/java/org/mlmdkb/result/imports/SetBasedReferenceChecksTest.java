package org.mlmdkb.result.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.mlmdkb.common.db.Sql;
import org.mlmdkb.testsupport.ApiTest;

/**
 * A large import's foreign keys checked once per referenced row, with the per-row checks off for
 * its store statement only ({@link SetBasedReferenceChecks}). A large import through the API:
 * LargeResultImportTest.
 */
@QuarkusTest
class SetBasedReferenceChecksTest extends ApiTest {

  @Inject AgroalDataSource dataSource;

  @Test
  void everyTriggerOnATableTheStoreWritesFiresAlsoWithThePerRowChecksOff() throws SQLException {
    List<String> notAlways =
        Sql.with(
            dataSource,
            h ->
                h.createQuery(
                        """
                        SELECT tgrelid::regclass || '.' || tgname FROM pg_trigger
                        WHERE NOT tgisinternal AND tgenabled <> 'A'
                          AND tgrelid IN ('benchmark_result'::regclass,
                              'change_history'::regclass, 'board_result_count'::regclass,
                              'board_method_count'::regclass,
                              'board_fingerprint_count'::regclass, 'board_summary'::regclass)
                        ORDER BY 1
                        """)
                    .mapTo(String.class)
                    .list());
    assertEquals(List.of(), notAlways);
  }

  @Test
  void allReferencesFoundTurnThePerRowChecksOffUntilRestored() throws SQLException {
    inTransaction(
        h -> {
          assertTrue(
              SetBasedReferenceChecks.replacePerRowChecks(
                  h, SetBasedReferenceChecks.MIN_ROWS, seededReferences(h)));
          assertEquals("replica", role(h));
          SetBasedReferenceChecks.restore(h);
          assertEquals("origin", role(h));
        });
  }

  @Test
  void aReferenceToARowThatIsGoneKeepsThePerRowChecks() throws SQLException {
    inTransaction(
        h -> {
          SetBasedReferenceChecks.References references = seededReferences(h);
          references.subsets().add(-1L);
          assertFalse(
              SetBasedReferenceChecks.replacePerRowChecks(
                  h, SetBasedReferenceChecks.MIN_ROWS, references));
          assertEquals("origin", role(h));
        });
  }

  @Test
  void fewRowsKeepThePerRowChecks() throws SQLException {
    inTransaction(
        h -> {
          assertFalse(
              SetBasedReferenceChecks.replacePerRowChecks(
                  h, SetBasedReferenceChecks.MIN_ROWS - 1, seededReferences(h)));
          assertEquals("origin", role(h));
        });
  }

  @FunctionalInterface
  private interface HandleWork {
    void run(Handle h) throws SQLException;
  }

  /** Runs {@code work} in a transaction that is rolled back, so nothing it locks stays locked. */
  private void inTransaction(HandleWork work) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        Sql.with(
            c,
            h -> {
              work.run(h);
              return null;
            });
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
    }
  }

  /** The seed's PaiNN on 3BPA's test-600k subset, as an import of it refers to them. */
  private static SetBasedReferenceChecks.References seededReferences(Handle h) {
    SetBasedReferenceChecks.References references = new SetBasedReferenceChecks.References();
    references.add(
        h.createQuery("SELECT id FROM method WHERE slug = 'painn'").mapTo(Long.class).one(),
        h.createQuery("SELECT id FROM dataset WHERE slug = '3bpa'").mapTo(Long.class).one(),
        h.createQuery(
                "SELECT s.id FROM dataset_subset s JOIN dataset d ON d.id = s.dataset_id"
                    + " WHERE d.slug = '3bpa' AND s.slug = 'test-600k'")
            .mapTo(Long.class)
            .one(),
        null,
        null);
    return references;
  }

  private static String role(Handle h) {
    return h.createQuery("SHOW session_replication_role").mapTo(String.class).one();
  }
}
