package org.mlmdkb.seed;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Small helpers for bulk seeding on the seed transaction's Jdbi handle: batched statements whose
 * rows bind {@code :name} parameters, and key → id look-ups.
 */
final class Jdbc {

  private final Handle handle;

  Jdbc(Handle handle) {
    this.handle = handle;
  }

  /**
   * One row's parameters, as name, value, name, value, ...: values may be null (bound without a
   * type, for PostgreSQL to infer from the column), arrays of strings bind as text[].
   */
  static Map<String, Object> row(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("a row is name, value pairs");
    }
    Map<String, Object> row = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      row.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return row;
  }

  /** Runs one statement per row in a single batch; returns the total update count. */
  int batch(String sql, List<Map<String, Object>> rows) {
    if (rows.isEmpty()) {
      return 0;
    }
    PreparedBatch batch = handle.prepareBatch(sql);
    for (Map<String, Object> row : rows) {
      batch.add(row);
    }
    int total = 0;
    for (int n : batch.execute()) {
      total += Math.max(n, 0);
    }
    return total;
  }

  int update(String sql, Map<String, Object> params) {
    return handle.createUpdate(sql).bindMap(params).execute();
  }

  /** Reads a two-column result (text key, text value, which may be null) into a map. */
  Map<String, String> texts(String sql) {
    return twoColumns(sql, rs -> rs.getString(2));
  }

  /**
   * Whether another item holds the slug a seeded row wants: a curator created it, or renamed a
   * seeded item to it. The seeded row is then left out rather than stealing the slug.
   */
  static boolean slugHeldByAnother(Map<String, String> seedKeyBySlug, String slug, String seedKey) {
    return seedKeyBySlug.containsKey(slug) && !seedKey.equals(seedKeyBySlug.get(slug));
  }

  /** Reads a two-column result (text key, bigint id) into a map. */
  Map<String, Long> ids(String sql) {
    return twoColumns(sql, rs -> rs.getLong(2));
  }

  /** The second column as read by {@code value}. */
  @FunctionalInterface
  private interface ValueReader<V> {
    V read(ResultSet rs) throws SQLException;
  }

  /** Reads a two-column result (text key first) into a map; {@code value} reads the second. */
  private <V> Map<String, V> twoColumns(String sql, ValueReader<V> value) {
    return handle
        .createQuery(sql)
        .reduceResultSet(
            new HashMap<String, V>(),
            (map, rs, ctx) -> {
              map.put(rs.getString(1), value.read(rs));
              return map;
            });
  }

  boolean exists(String sql, Map<String, Object> params) {
    return handle.createQuery(sql).bindMap(params).mapTo(Integer.class).findFirst().isPresent();
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  static Integer integer(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asInt();
  }

  static Long bigint(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asLong();
  }

  static String[] strings(JsonNode node, String field) {
    List<String> out = new ArrayList<>();
    JsonNode v = node.get(field);
    if (v != null && v.isArray()) {
      v.forEach(e -> out.add(e.asText()));
    }
    return out.toArray(String[]::new);
  }

  static List<JsonNode> list(JsonNode node, String field) {
    List<JsonNode> out = new ArrayList<>();
    JsonNode v = node.get(field);
    if (v != null && v.isArray()) {
      v.forEach(out::add);
    }
    return out;
  }
}
