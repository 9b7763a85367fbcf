package org.mlmdkb.curation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import org.mlmdkb.common.db.RetriesTransientFailures;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.ProblemType;
import org.mlmdkb.common.web.EntityTags;

/**
 * The write rules every curated collection shares, one transaction per write: create, replace
 * (PUT), merge patch, soft delete and restore, each recorded in the change history with the item's
 * editable state before and after. A change to an existing item needs the current ETag in {@code
 * If-Match} (see {@link EntityTags#require}); a write that changes nothing records nothing.
 */
@ApplicationScoped
@Transactional
@RetriesTransientFailures
public class CurationWorkflow {

  /** An item as readers now see it, with its entity tag and where it is read. */
  public record Written(Object body, String etag, String location) {}

  private final HistoryRepository history;
  private final EntityTags tags;
  private final ObjectMapper json;

  public CurationWorkflow(HistoryRepository history, EntityTags tags, ObjectMapper json) {
    this.history = history;
    this.tags = tags;
    this.json = json;
  }

  public <I> Written create(CuratedCollection<I> collection, I input, String keyName)
      throws SQLException {
    I item = collection.validate(input, null);
    long id = collection.insert(item);
    history.record(collection.name(), id, "create", keyName, null, item);
    Object body = collection.createdRepresentation(id);
    return new Written(body, tags.of(body), collection.location(id));
  }

  /** PUT: the body is the whole editable state; fields left out are cleared. */
  public <I> Written replace(
      CuratedCollection<I> collection, String ref, I input, String ifMatch, String keyName)
      throws SQLException {
    long id = lockWithPrecondition(collection, ref, ifMatch);
    return store(collection, id, collection.editableState(id).orElseThrow(), input, keyName);
  }

  /** A patch yielding a document of the wrong shape fails like any unreadable body (400). */
  public <I> Written patch(
      CuratedCollection<I> collection, String ref, JsonNode patch, String ifMatch, String keyName)
      throws SQLException, JsonProcessingException {
    long id = lockWithPrecondition(collection, ref, ifMatch);
    I before = collection.editableState(id).orElseThrow();
    JsonNode merged = MergePatch.apply(json.valueToTree(before), patch);
    return store(collection, id, before, json.treeToValue(merged, collection.inputType()), keyName);
  }

  public <I> void delete(
      CuratedCollection<I> collection, String ref, String ifMatch, String keyName)
      throws SQLException {
    long id = lockWithPrecondition(collection, ref, ifMatch);
    I before = collection.editableState(id).orElseThrow();
    collection.softDelete(id);
    history.record(collection.name(), id, "delete", keyName, before, null);
  }

  /** Restoring needs no If-Match: a deleted item has no representation a client could hold. */
  public <I> Written restore(CuratedCollection<I> collection, String ref, String keyName)
      throws SQLException {
    long id = find(collection, ref, true);
    if (!collection.restore(id)) {
      throw new ApiException(
          ProblemType.NOT_DELETED,
          collection.noun() + " " + ref + " is not deleted; only a deleted item can be restored",
          java.util.List.of());
    }
    history.record(
        collection.name(), id, "restore", keyName, null, collection.editableState(id).get());
    return current(collection, id);
  }

  /** {@code before}: the editable state read under the row lock, in this transaction. */
  private <I> Written store(
      CuratedCollection<I> collection, long id, I before, I input, String keyName)
      throws SQLException {
    I after = collection.validate(input, id);
    if (!after.equals(before)) {
      collection.update(id, before, after);
      history.record(collection.name(), id, "update", keyName, before, after);
    }
    return current(collection, id);
  }

  private long lockWithPrecondition(CuratedCollection<?> collection, String ref, String ifMatch)
      throws SQLException {
    long id = collection.lockLive(ref).orElseThrow(() -> notFound(collection, ref));
    EntityTags.require(ifMatch, tags.of(collection.representation(id)));
    return id;
  }

  /** The id of the item {@code ref} names; 404 when there is none. */
  private static long find(CuratedCollection<?> collection, String ref, boolean includeDeleted)
      throws SQLException {
    return collection.find(ref, includeDeleted).orElseThrow(() -> notFound(collection, ref));
  }

  private static ApiException notFound(CuratedCollection<?> collection, String ref) {
    return ApiException.notFound(collection.noun() + " " + ref);
  }

  private Written current(CuratedCollection<?> collection, long id) throws SQLException {
    Object body = collection.representation(id);
    return new Written(body, tags.of(body), collection.location(id));
  }
}
