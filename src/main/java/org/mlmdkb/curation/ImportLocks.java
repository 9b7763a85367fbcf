package org.mlmdkb.curation;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.Collection;
import java.util.TreeSet;
import org.mlmdkb.common.db.LongStatements;
import org.mlmdkb.common.db.Sql;

/**
 * Transaction-scoped PostgreSQL advisory locks on the natural keys an import is about to look up
 * and write (a result's duplicate key, a paper's normalised title and year, a DOI, a method slug).
 * Two imports of the same thing then run one after the other: the second one's look-up sees what
 * the first committed and reports it as skipped, instead of both inserting it.
 */
@ApplicationScoped
public class ImportLocks {

  // unnest keeps the array's order, so every import takes its locks in ascending order and two
  // imports sharing keys can never wait on each other in a cycle. The first key names this use of
  // advisory locks, so other users of them cannot collide with it.
  private static final String LOCK_ALL =
      "SELECT count(pg_advisory_xact_lock(:namespace, k)) FROM unnest(:buckets::int[]) AS t(k)";

  private static final int NAMESPACE = 0x4B42_0001;

  // Waiting for another import of the same buckets can outlast KB_DB_STATEMENT_TIMEOUT (15 s):
  // measured, a queued 5 MB import then failed with 500. Inside an import (300 s transaction
  // timeout) this transaction may wait as long as the transaction itself may run.
  private static final String WAIT_LIKE_THE_TRANSACTION = "SET LOCAL statement_timeout = '300s'";

  // Keys are hashed into this many buckets: PostgreSQL's shared lock table holds about
  // max_locks_per_transaction × max_connections entries (6,400 by default), and one lock per row
  // of four concurrent 5,000-row imports ran out of it ("out of shared memory"). Equal keys still
  // share a bucket; unrelated keys sharing one only make two imports wait for each other.
  static final int BUCKETS = 128;

  private final AgroalDataSource dataSource;

  public ImportLocks(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Blocks until this transaction holds the lock of every key's bucket; released at commit or
   * rollback, so the caller's transaction must exist.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void lockAll(Collection<String> naturalKeys) throws SQLException {
    if (naturalKeys.isEmpty()) {
      return;
    }
    TreeSet<Integer> buckets = new TreeSet<>();
    MessageDigest sha256 = sha256();
    for (String key : naturalKeys) {
      buckets.add(bucket(sha256, key));
      if (buckets.size() == BUCKETS) {
        break; // every bucket is taken: the remaining keys cannot add one
      }
    }
    Integer[] lockKeys = buckets.toArray(Integer[]::new);
    Sql.use(
        dataSource,
        h -> {
          h.execute(WAIT_LIKE_THE_TRANSACTION);
          // The socket timeout (KB_DB_SOCKET_TIMEOUT_SECONDS, 20 s) bounds a frozen server, but a
          // lock wait sends nothing either: measured, three of eight queued 5 MB imports lost
          // their connection after 20 s of waiting and answered 500. The wait gets the
          // transaction's bound.
          LongStatements.run(
              h.getConnection(),
              () ->
                  h.createQuery(LOCK_ALL)
                      .bind("namespace", NAMESPACE)
                      .bind("buckets", lockKeys)
                      .mapTo(Long.class)
                      .one());
        });
  }

  /** The bucket of a natural key, from SHA-256 so buckets fill evenly. */
  private static int bucket(MessageDigest sha256, String naturalKey) {
    byte[] digest = sha256.digest(naturalKey.getBytes(StandardCharsets.UTF_8));
    return (int) Math.floorMod(ByteBuffer.wrap(digest).getLong(), (long) BUCKETS);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
