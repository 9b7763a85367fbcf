package org.mlmdkb.result.imports;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The foreign-key checks of a large import's store, done once per referenced row instead of once
 * per stored row.
 *
 * <p>PostgreSQL checks each new result's method, dataset, subset, paper and source with a look-up
 * and a row lock of its own: for 100,000 rows that is 2.5 s of a 6.3 s store statement, although an
 * import refers to a handful of rows. The same guarantee, set-based: lock every row the import
 * refers to, once, with the lock each check would take ({@code FOR KEY SHARE}, which makes a
 * concurrent delete of that row wait for the import's commit), and confirm each exists. The store
 * statement then runs with the per-row checks off ({@code session_replication_role = replica}, for
 * that one statement): the constraints stay on every other write.
 *
 * <p>That setting also silences ordinary triggers, so every trigger on a table the store writes is
 * {@code ENABLE ALWAYS} (V182). It needs superuser or {@code SET} on the parameter (PostgreSQL 15
 * or later), which the embedded server grants its role; without it, or when a referenced row has
 * gone since the rules looked, the store keeps the per-row checks, which then fail the import with
 * a foreign-key violation, answered as a 409 conflict (SqlStates).
 */
public final class SetBasedReferenceChecks {

  /**
   * Below this many rows the per-row checks cost less than the change of setting, which discards
   * the connection's cached plans twice (when set, and when the transaction ends).
   */
  public static final int MIN_ROWS = 1_000;

  // One statement: each CTE locks the rows of one referenced table that the import names; the
  // answer is whether every one of them was found.
  private static final String LOCK_REFERENCED_ROWS =
      """
      WITH methods AS (
          SELECT id FROM method WHERE id = ANY(:methods) FOR KEY SHARE
      ), datasets AS (
          SELECT id FROM dataset WHERE id = ANY(:datasets) FOR KEY SHARE
      ), subsets AS (
          SELECT id FROM dataset_subset WHERE id = ANY(:subsets) FOR KEY SHARE
      ), papers AS (
          SELECT id FROM paper WHERE id = ANY(:papers) FOR KEY SHARE
      ), sources AS (
          SELECT id FROM source WHERE id = ANY(:sources) FOR KEY SHARE
      )
      SELECT (SELECT count(*) FROM methods) = cardinality(:methods::bigint[])
         AND (SELECT count(*) FROM datasets) = cardinality(:datasets::bigint[])
         AND (SELECT count(*) FROM subsets) = cardinality(:subsets::bigint[])
         AND (SELECT count(*) FROM papers) = cardinality(:papers::bigint[])
         AND (SELECT count(*) FROM sources) = cardinality(:sources::text[])
      """;

  /** The distinct rows an import's results refer to, by table. */
  record References(
      Set<Long> methods,
      Set<Long> datasets,
      Set<Long> subsets,
      Set<Long> papers,
      Set<String> sources) {

    References() {
      this(new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>());
    }

    /** Adds one result's references; a null is no reference. */
    void add(long method, long dataset, Long subset, Long paper, String source) {
      methods.add(method);
      datasets.add(dataset);
      addPresent(subsets, subset);
      addPresent(papers, paper);
      addPresent(sources, source);
    }

    private static <T> void addPresent(Set<T> into, T value) {
      if (value != null) {
        into.add(value);
      }
    }
  }

  private SetBasedReferenceChecks() {}

  /**
   * For {@code rows} rows to store that refer to {@code references}: when worthwhile and allowed,
   * locks and confirms every row they refer to and turns the per-row checks off until {@link
   * #restore}. Answers whether it did.
   */
  static boolean replacePerRowChecks(Handle h, int rows, References references)
      throws SQLException {
    if (rows < MIN_ROWS || !maySkipPerRowChecks(h) || !lockReferencedRows(h, references)) {
      return false;
    }
    h.execute("SET LOCAL session_replication_role = replica");
    return true;
  }

  /** Turns the per-row checks back on for the rest of the transaction. */
  static void restore(Handle h) {
    h.execute("SET LOCAL session_replication_role = origin");
  }

  private static boolean maySkipPerRowChecks(Handle h) throws SQLException {
    // has_parameter_privilege is PostgreSQL 15's; an older server keeps the per-row checks.
    if (h.getConnection().getMetaData().getDatabaseMajorVersion() < 15) {
      return false;
    }
    return h.createQuery("SELECT has_parameter_privilege('session_replication_role', 'SET')")
        .mapTo(Boolean.class)
        .one();
  }

  private static boolean lockReferencedRows(Handle h, References references) {
    return h.createQuery(LOCK_REFERENCED_ROWS)
        .bind("methods", references.methods().toArray(Long[]::new))
        .bind("datasets", references.datasets().toArray(Long[]::new))
        .bind("subsets", references.subsets().toArray(Long[]::new))
        .bind("papers", references.papers().toArray(Long[]::new))
        .bind("sources", references.sources().toArray(String[]::new))
        .mapTo(Boolean.class)
        .one();
  }
}
