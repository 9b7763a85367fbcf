package org.mlmdkb.curation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.mlmdkb.common.db.Sql;

/** The append-only change log shared by every curated collection. */
@ApplicationScoped
public class HistoryRepository {

  public record Entry(
      long id,
      String collection,
      long itemId,
      String action,
      String keyName,
      OffsetDateTime changedAt,
      JsonNode before,
      JsonNode after) {

    /** The entry as readers without a key see it: who changed it is the curators' business. */
    public Entry withoutKeyName() {
      return new Entry(id, collection, itemId, action, null, changedAt, before, after);
    }
  }

  /** One change to record: the item's state before (null for a creation) and after. */
  public record Change(long itemId, String action, Object before, Object after) {}

  // Ids follow the rows' order (the insert takes them as the ordered SELECT yields its rows), so
  // the history reads as if each change had been recorded on its own.
  private static final String RECORD_ALL =
      """
      INSERT INTO change_history (collection, item_id, action, key_name, before, after)
      SELECT :collection, c.item_id, c.action, :key_name, c.before::jsonb, c.after::jsonb
      FROM unnest(:item_ids::bigint[], :actions::text[], :befores::text[], :afters::text[])
          WITH ORDINALITY AS c(item_id, action, before, after, position)
      ORDER BY c.position
      """;

  private final AgroalDataSource dataSource;
  private final ObjectMapper json;

  public HistoryRepository(AgroalDataSource dataSource, ObjectMapper json) {
    this.dataSource = dataSource;
    this.json = json;
  }

  public void record(
      String collection, long itemId, String action, String keyName, Object before, Object after)
      throws SQLException {
    String beforeJson = asJson(before);
    String afterJson = asJson(after);
    Sql.use(
        dataSource,
        h ->
            h.createUpdate(
                    "INSERT INTO change_history (collection, item_id, action, key_name, before,"
                        + " after) VALUES (:collection, :item_id, :action, :key_name,"
                        + " :before::jsonb, :after::jsonb)")
                .bind("collection", collection)
                .bind("item_id", itemId)
                .bind("action", action)
                .bind("key_name", keyName)
                .bind("before", beforeJson)
                .bind("after", afterJson)
                .execute());
  }

  /**
   * Records {@code changes} in their order, in one statement, as {@link #record} would one by one.
   */
  public void recordAll(String collection, String keyName, List<Change> changes)
      throws SQLException {
    if (changes.isEmpty()) {
      return;
    }
    Sql.use(
        dataSource,
        h ->
            h.createUpdate(RECORD_ALL)
                .bind("collection", collection)
                .bind("key_name", keyName)
                .bind("item_ids", changes.stream().map(Change::itemId).toArray(Long[]::new))
                .bind("actions", changes.stream().map(Change::action).toArray(String[]::new))
                .bind(
                    "befores", changes.stream().map(c -> asJson(c.before())).toArray(String[]::new))
                .bind("afters", changes.stream().map(c -> asJson(c.after())).toArray(String[]::new))
                .execute());
  }

  private String asJson(Object state) {
    return state == null ? null : json.valueToTree(state).toString();
  }

  /**
   * At most {@code limit} entries with ids above {@code afterId}, oldest first, so a page reads as
   * the item's story.
   */
  public List<Entry> listByItem(String collection, long itemId, long afterId, int limit)
      throws SQLException {
    return Sql.query(
        dataSource,
        "SELECT id, collection, item_id, action, key_name, changed_at, before::text,"
            + " after::text FROM change_history WHERE collection = :collection"
            + " AND item_id = :item_id AND id > :after_id ORDER BY id LIMIT :limit",
        q ->
            q.bind("collection", collection)
                .bind("item_id", itemId)
                .bind("after_id", afterId)
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        new Entry(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getLong(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getObject(6, OffsetDateTime.class),
                            tree(rs.getString(7)),
                            tree(rs.getString(8))))
                .list());
  }

  private JsonNode tree(String text) throws SQLException {
    try {
      return text == null ? null : json.readTree(text);
    } catch (IOException e) {
      throw new SQLException("change_history holds invalid JSON", e);
    }
  }
}
