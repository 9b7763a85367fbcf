package org.mlmdkb.curation;

import java.sql.SQLException;
import java.util.Optional;

/**
 * The row operations a collection's write repository offers the workflow: lock a live row, read its
 * editable state, insert, update, soft-delete and restore. A write repository implements it and is
 * handed to its {@link CuratedCollection} as it is; {@link #of} adapts one whose signatures differ
 * (results store a canonical value beside the input).
 */
public interface CuratedRows<I> {

  /** Locks a live row until the transaction ends; false when absent or soft-deleted. */
  boolean lockLive(long id) throws SQLException;

  Optional<I> editableState(long id) throws SQLException;

  long insert(I input) throws SQLException;

  void update(long id, I input) throws SQLException;

  /** Soft-deletes a live row; false when there was none. */
  boolean softDelete(long id) throws SQLException;

  /** Undoes a soft delete; false when the row is not deleted. */
  boolean restore(long id) throws SQLException;

  /** An operation on one row that answers whether it applied. */
  @FunctionalInterface
  interface IdCheck {
    boolean test(long id) throws SQLException;
  }

  @FunctionalInterface
  interface StateReader<I> {
    Optional<I> read(long id) throws SQLException;
  }

  @FunctionalInterface
  interface Inserter<I> {
    long insert(I input) throws SQLException;
  }

  @FunctionalInterface
  interface Updater<I> {
    void update(long id, I input) throws SQLException;
  }

  /** The row operations of a repository that does not implement this interface. */
  static <I> CuratedRows<I> of(
      IdCheck lockLive,
      StateReader<I> editableState,
      Inserter<I> insert,
      Updater<I> update,
      IdCheck softDelete,
      IdCheck restore) {
    return new CuratedRows<>() {
      @Override
      public boolean lockLive(long id) throws SQLException {
        return lockLive.test(id);
      }

      @Override
      public Optional<I> editableState(long id) throws SQLException {
        return editableState.read(id);
      }

      @Override
      public long insert(I input) throws SQLException {
        return insert.insert(input);
      }

      @Override
      public void update(long id, I input) throws SQLException {
        update.update(id, input);
      }

      @Override
      public boolean softDelete(long id) throws SQLException {
        return softDelete.test(id);
      }

      @Override
      public boolean restore(long id) throws SQLException {
        return restore.test(id);
      }
    };
  }
}
