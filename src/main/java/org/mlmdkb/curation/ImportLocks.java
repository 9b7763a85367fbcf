package org.mlmdkb.curation;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.TreeSet;

/**
 * Transaction-scoped PostgreSQL advisory locks on the natural keys an import is about to look up
 * and write (a result's duplicate key, a paper's normalised title and year, a DOI, a method slug).
 * Two imports of the same thing then run one after the other: the second one's look-up sees what
 * the first committed and reports it as skipped, instead of both inserting it.
 */
@ApplicationScoped
public class ImportLocks {

  // unnest keeps the array's order, so every import takes its locks in ascending order and two
  // imports sharing keys can never wait on each other in a cycle.
  private static final String LOCK_ALL =
      "SELECT count(pg_advisory_xact_lock(k)) FROM unnest(?::bigint[]) AS t(k)";

  private final AgroalDataSource dataSource;

  public ImportLocks(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Blocks until this transaction holds a lock on every key; released at commit or rollback. */
  public void lockAll(Collection<String> naturalKeys) throws SQLException {
    if (naturalKeys.isEmpty()) {
      return;
    }
    TreeSet<Long> ids = new TreeSet<>();
    naturalKeys.forEach(k -> ids.add(lockId(k)));
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(LOCK_ALL)) {
      Array array = c.createArrayOf("bigint", ids.toArray());
      ps.setArray(1, array);
      ps.executeQuery().close();
    }
  }

  /** 64 bits of SHA-256: a collision only makes two unrelated imports wait for each other. */
  static long lockId(String naturalKey) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(naturalKey.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
