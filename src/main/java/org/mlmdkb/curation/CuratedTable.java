package org.mlmdkb.curation;

import io.agroal.api.AgroalDataSource;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;
import org.mlmdkb.common.db.SoftDeletable;
import org.mlmdkb.common.db.Sql;

/**
 * The rows of a collection kept in one soft-deletable table: locking, soft-deleting and restoring a
 * row are alike for every collection, only the table differs. Callers run inside one transaction,
 * so the connection (and the row lock taken by {@link #lockLive}) is shared by every statement.
 *
 * <p>Subclasses are {@code @Singleton} beans: they need no client proxy, which would want a
 * no-argument constructor this class does not have.
 */
public abstract class CuratedTable<I> implements CuratedRows<I> {

  protected final AgroalDataSource dataSource;
  private final SoftDeletable table;

  protected CuratedTable(AgroalDataSource dataSource, SoftDeletable table) {
    this.dataSource = dataSource;
    this.table = table;
  }

  /**
   * Locks a live row until the transaction ends, so concurrent writers of one item run one after
   * the other and the second sees the first's result (and its new ETag). A row lock only holds
   * inside the caller's transaction; without one it would end at once.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  @Override
  public boolean lockLive(long id) throws SQLException {
    return table.lockLive(dataSource, id);
  }

  /**
   * Runs the insert {@code statement} makes on a handle, which returns the new row's id, then
   * {@code links} for that row, on one connection.
   */
  protected long insertRow(Function<Handle, Query> statement, Links links) throws SQLException {
    return Sql.with(
        dataSource,
        h -> {
          long id = statement.apply(h).mapTo(Long.class).one();
          links.write(h, id);
          return id;
        });
  }

  /**
   * Runs the update {@code statement} makes on a handle for row {@code id} (its {@code :id}), then
   * {@code links} for that row, on one connection.
   */
  protected void updateRow(long id, Function<Handle, Update> statement, Links links)
      throws SQLException {
    Sql.use(
        dataSource,
        h -> {
          statement.apply(h).bind("id", id).execute();
          links.write(h, id);
        });
  }

  /** Writes what hangs off a row (its links to other items) after the row itself. */
  @FunctionalInterface
  protected interface Links {
    Links NONE = (h, id) -> {};

    void write(Handle h, long id) throws SQLException;
  }

  /**
   * The id of the row whose {@code column} (a unique key of the table, never request text) holds
   * {@code value}; soft-deleted rows only count when {@code includeDeleted}.
   */
  protected Optional<Long> idOf(String column, String value, boolean includeDeleted)
      throws SQLException {
    return table.idOf(dataSource, column, value, includeDeleted);
  }

  /**
   * The other row, live or soft-deleted, whose unique {@code column} already holds {@code value}:
   * what a 409 names. {@code exceptId} is the row being replaced, null on create.
   */
  protected Optional<SoftDeletable.Holder> holderOf(String column, String value, Long exceptId)
      throws SQLException {
    return table.holderOf(dataSource, column, value, exceptId);
  }

  @Override
  public boolean softDelete(long id) throws SQLException {
    return table.softDelete(dataSource, id);
  }

  @Override
  public boolean restore(long id) throws SQLException {
    return table.restore(dataSource, id);
  }
}
