package org.mlmdkb.curation;

import io.agroal.api.AgroalDataSource;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.Optional;
import org.mlmdkb.common.db.SoftDeletable;

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
