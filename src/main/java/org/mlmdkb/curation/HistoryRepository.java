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

  private final AgroalDataSource dataSource;
  private final ObjectMapper json;

  public HistoryRepository(AgroalDataSource dataSource, ObjectMapper json) {
    this.dataSource = dataSource;
    this.json = json;
  }

  public void record(
      String collection, long itemId, String action, String keyName, Object before, Object after)
      throws SQLException {
    String beforeJson = before == null ? null : json.valueToTree(before).toString();
    String afterJson = after == null ? null : json.valueToTree(after).toString();
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
   * At most {@code limit} entries with ids above {@code afterId}, oldest first, so a page reads as
   * the item's story.
   */
  public List<Entry> listByItem(String collection, long itemId, long afterId, int limit)
      throws SQLException {
    return Sql.with(
        dataSource,
        h ->
            h.createQuery(
                    "SELECT id, collection, item_id, action, key_name, changed_at, before::text,"
                        + " after::text FROM change_history WHERE collection = :collection"
                        + " AND item_id = :item_id AND id > :after_id ORDER BY id LIMIT :limit")
                .bind("collection", collection)
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
