package org.mlmdkb.curation;

import java.sql.SQLException;
import java.util.Optional;

/**
 * One curated collection as {@link CurationWorkflow} sees it: how to find, lock, read, validate and
 * store its items. {@code I} is the item's editable state, a record that is at once the body of
 * POST and PUT, the document a merge patch applies to, and what the history records before and
 * after. Every method runs inside the workflow's transaction.
 */
public interface CuratedCollection<I> {

  /** The collection's URL segment, also its key in the change history ("papers", "methods"). */
  String name();

  /** The item's name in messages ("Paper", "Method"). */
  String noun();

  Class<I> inputType();

  /**
   * The internal id of the item a path names (a numeric id or a slug), or empty when there is none;
   * soft-deleted items only count when {@code includeDeleted}.
   */
  Optional<Long> find(String ref, boolean includeDeleted) throws SQLException;

  /**
   * Whether readers without a key may see this live item (and so its history); only articles have
   * live items the public may not see, their drafts.
   */
  default boolean publiclyVisible(long id) throws SQLException {
    return true;
  }

  /** Locks a live item's row until the transaction ends; false when absent or soft-deleted. */
  boolean lockLive(long id) throws SQLException;

  Optional<I> editableState(long id) throws SQLException;

  /**
   * Normalises and checks an editable state: 422 listing every field at fault, 409 when a unique
   * value belongs to another item. {@code id} is the item being replaced, null on create.
   */
  I validate(I input, Long id) throws SQLException;

  long insert(I input) throws SQLException;

  void update(long id, I input) throws SQLException;

  /** Soft-deletes a live, locked item; may refuse (409) while other live items depend on it. */
  void softDelete(long id) throws SQLException;

  /** Undoes a soft delete; false when the item is not deleted. May refuse with 409. */
  boolean restore(long id) throws SQLException;

  /** The item as readers see it at GET; its entity tag is the one writes are checked against. */
  Object representation(long id) throws SQLException;

  /** Where the item is read, for {@code Location}: the collection path plus its current ref. */
  String location(long id) throws SQLException;
}
