package org.mlmdkb.curation;

import java.sql.SQLException;
import java.util.Optional;

/**
 * The row operations a collection's write repository offers the workflow: lock a live row, read its
 * editable state, insert, update, soft-delete and restore. Given as method references, because each
 * feature's repository keeps its own SQL.
 */
public record CuratedRows<I>(
    IdCheck lockLive,
    StateReader<I> editableState,
    Inserter<I> insert,
    Updater<I> update,
    IdAction softDelete,
    IdCheck restore) {

  /** An operation on one row that answers whether it applied. */
  @FunctionalInterface
  public interface IdCheck {
    boolean test(long id) throws SQLException;
  }

  @FunctionalInterface
  public interface IdAction {
    void apply(long id) throws SQLException;
  }

  @FunctionalInterface
  public interface StateReader<I> {
    Optional<I> read(long id) throws SQLException;
  }

  @FunctionalInterface
  public interface Inserter<I> {
    long insert(I input) throws SQLException;
  }

  @FunctionalInterface
  public interface Updater<I> {
    void update(long id, I input) throws SQLException;
  }
}
