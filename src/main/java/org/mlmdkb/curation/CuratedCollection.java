package org.mlmdkb.curation;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.Problem;

/**
 * One curated collection as {@link CurationWorkflow} sees it: how to find, lock, read, validate and
 * store its items. {@code I} is the item's editable state, a record that is at once the body of
 * POST and PUT, the document a merge patch applies to, and what the history records before and
 * after. A subclass holds only what is particular to its noun: how a path names an item, its rules
 * and the references and uniqueness they cannot check alone, what may refuse a delete or a restore,
 * and how readers see the item. Every method runs inside the workflow's transaction.
 *
 * <p>Subclasses are {@code @Singleton} beans: they need no client proxy, which would want a
 * no-argument constructor this class does not have.
 */
public abstract class CuratedCollection<I> {

  private final String name;
  private final String noun;
  private final Class<I> inputType;
  private final CuratedRules<I> rules;
  private final CuratedRows<I> rows;

  protected CuratedCollection(
      String name, String noun, Class<I> inputType, CuratedRules<I> rules, CuratedRows<I> rows) {
    this.name = name;
    this.noun = noun;
    this.inputType = inputType;
    this.rules = rules;
    this.rows = rows;
  }

  /** The collection's URL segment, also its key in the change history ("papers", "methods"). */
  public String name() {
    return name;
  }

  /** The item's name in messages ("Paper", "Method"). */
  public String noun() {
    return noun;
  }

  public Class<I> inputType() {
    return inputType;
  }

  /**
   * The internal id of the item a path names (a numeric id or a slug), or empty when there is none;
   * soft-deleted items only count when {@code includeDeleted}.
   */
  public abstract Optional<Long> find(String ref, boolean includeDeleted) throws SQLException;

  /**
   * Whether readers without a key may see this live item (and so its history); only articles have
   * live items the public may not see, their drafts.
   */
  public boolean publiclyVisible(long id) throws SQLException {
    return true;
  }

  /** Locks a live item's row until the transaction ends; false when absent or soft-deleted. */
  public boolean lockLive(long id) throws SQLException {
    return rows.lockLive(id);
  }

  /**
   * The id of the live item {@code ref} names, its row locked until the transaction ends; empty
   * when there is none. A collection whose refs are ids may lock without looking the ref up first.
   */
  public Optional<Long> lockLive(String ref) throws SQLException {
    Optional<Long> id = find(ref, false);
    return id.isPresent() && lockLive(id.get()) ? id : Optional.empty();
  }

  public Optional<I> editableState(long id) throws SQLException {
    return rows.editableState(id);
  }

  /**
   * Normalises and checks an editable state: 422 listing every field at fault, 409 when a unique
   * value belongs to another item. {@code id} is the item being replaced, null on create.
   */
  public I validate(I input, Long id) throws SQLException {
    Checked<I> checked = rules.check(input);
    List<Problem.FieldError> errors = new ArrayList<>(checked.errors());
    I item = checkReferences(checked.item(), id, errors);
    ApiException.unlessValid(errors);
    checkUnique(item, id);
    return item;
  }

  /**
   * Adds a fault for each item the state refers to that is not there to refer to, and answers the
   * state as stored (a reference may be completed from the item it names).
   */
  protected I checkReferences(I item, Long id, List<Problem.FieldError> errors)
      throws SQLException {
    return item;
  }

  /** Throws the 409 when a value that must be unique belongs to another item. */
  protected void checkUnique(I item, Long id) throws SQLException {}

  public long insert(I input) throws SQLException {
    return rows.insert(input);
  }

  public void update(long id, I input) throws SQLException {
    rows.update(id, input);
  }

  /**
   * Stores {@code after} over {@code before}, the editable state read under the row lock in this
   * transaction; a collection whose links are costly to rewrite may leave the unchanged ones.
   */
  public void update(long id, I before, I after) throws SQLException {
    update(id, after);
  }

  /**
   * Soft-deletes a live, locked item; a subclass may refuse (409) while live items depend on it.
   */
  public void softDelete(long id) throws SQLException {
    rows.softDelete(id);
  }

  /** Undoes a soft delete; false when the item is not deleted. A subclass may refuse with 409. */
  public boolean restore(long id) throws SQLException {
    return rows.restore(id);
  }

  /** The item as readers see it at GET; its entity tag is the one writes are checked against. */
  public abstract Object representation(long id) throws SQLException;

  /**
   * The representation of an item {@link CurationWorkflow#create} has just inserted, in its
   * transaction; a collection may skip reading what cannot exist yet (links from other items).
   */
  public Object createdRepresentation(long id) throws SQLException {
    return representation(id);
  }

  /** Where the item is read, for {@code Location}: the collection path plus its current ref. */
  public abstract String location(long id) throws SQLException;

  /**
   * The item a path names in a collection addressed by number, when {@code exists} finds it; 400
   * when the path is not a number. {@code noun} is lower case ("paper").
   */
  protected static Optional<Long> findNumeric(String ref, String noun, CuratedRows.IdCheck exists)
      throws SQLException {
    if (ref == null || !ref.matches("\\d{1,18}")) {
      throw ApiException.badPathParameter("id", "must be a numeric " + noun + " id");
    }
    long id = Long.parseLong(ref);
    return exists.test(id) ? Optional.of(id) : Optional.empty();
  }
}
