package org.mlmdkb.common.db;

import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The statements every write repository of a soft-deletable table shares: lock or test a live row,
 * soft-delete it (through its live_ view, so a deleted row is never deleted again) and restore it.
 * Table names are these constants, never request text.
 */
public enum SoftDeletable {
  PAPER("paper", true),
  METHOD("method", true),
  DATASET("dataset", true),
  ARTICLE("article", true),
  METRIC("metric", false),
  TAG("tag", false),
  BENCHMARK_RESULT("benchmark_result", false);

  /** A row holding a key, and whether it is soft-deleted. */
  public record Holder(long id, boolean deleted) {}

  private final String table;
  private final String lockLive;
  private final String existsLive;
  private final String softDelete;
  private final String restore;

  SoftDeletable(String table, boolean hasUpdatedAt) {
    this.table = table;
    String touch = hasUpdatedAt ? ", updated_at = now()" : "";
    this.lockLive = "SELECT 1 FROM live_" + table + " WHERE id = :id FOR UPDATE";
    this.existsLive = "SELECT 1 FROM live_" + table + " WHERE id = :id";
    this.softDelete =
        "UPDATE live_" + table + " SET deleted_at = now()" + touch + " WHERE id = :id";
    this.restore =
        "UPDATE "
            + table
            + " SET deleted_at = NULL"
            + touch
            + " WHERE id = :id AND deleted_at IS NOT NULL";
  }

  /**
   * Locks the live row until the transaction ends; the caller must declare that transaction
   * ({@code @Transactional(MANDATORY)}), without which the lock would end at once.
   */
  public boolean lockLive(DataSource dataSource, long id) throws SQLException {
    return exists(dataSource, lockLive, id);
  }

  public boolean existsLive(DataSource dataSource, long id) throws SQLException {
    return exists(dataSource, existsLive, id);
  }

  /** True when a live row became deleted. */
  public boolean softDelete(DataSource dataSource, long id) throws SQLException {
    return updatesOne(dataSource, softDelete, id);
  }

  /** True when a deleted row became live. */
  public boolean restore(DataSource dataSource, long id) throws SQLException {
    return updatesOne(dataSource, restore, id);
  }

  /**
   * The id of the row whose {@code keyColumn} (a constant of the caller, never request text) is
   * {@code value}: live rows only, or deleted ones too.
   */
  public Optional<Long> idOf(
      DataSource dataSource, String keyColumn, String value, boolean includeDeleted)
      throws SQLException {
    String sql =
        "SELECT id FROM "
            + (includeDeleted ? table : "live_" + table)
            + " WHERE "
            + keyColumn
            + " = :value";
    return Sql.query(dataSource, sql, q -> q.bind("value", value).mapTo(Long.class).findFirst());
  }

  /**
   * A row other than {@code exceptId} (none: null) whose {@code keyColumn} (a constant) is {@code
   * value}, deleted or not: the unique key a write is about to take is held.
   */
  public Optional<Holder> holderOf(
      DataSource dataSource, String keyColumn, Object value, Long exceptId) throws SQLException {
    String sql =
        "SELECT id, deleted_at IS NOT NULL FROM "
            + table
            + " WHERE "
            + keyColumn
            + " = :value AND id IS DISTINCT FROM :except_id";
    return Sql.query(
        dataSource,
        sql,
        q ->
            q.bind("value", value)
                .bind("except_id", exceptId)
                .map((rs, ctx) -> new Holder(rs.getLong(1), rs.getBoolean(2)))
                .findFirst());
  }

  private static boolean exists(DataSource dataSource, String sql, long id) throws SQLException {
    return Sql.query(
        dataSource, sql, q -> q.bind("id", id).mapTo(Integer.class).findFirst().isPresent());
  }

  private static boolean updatesOne(DataSource dataSource, String sql, long id)
      throws SQLException {
    return Sql.with(dataSource, h -> h.createUpdate(sql).bind("id", id).execute() == 1);
  }
}
