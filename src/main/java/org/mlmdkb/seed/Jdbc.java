package org.mlmdkb.seed;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Small JDBC helpers for bulk seeding: batched statements and key → id look-ups. */
final class Jdbc {

  private final Connection connection;

  Jdbc(Connection connection) {
    this.connection = connection;
  }

  Connection connection() {
    return connection;
  }

  /** Runs one statement per row in a single batch; returns the total update count. */
  int batch(String sql, List<Object[]> rows) throws SQLException {
    if (rows.isEmpty()) {
      return 0;
    }
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      for (Object[] row : rows) {
        bind(ps, row);
        ps.addBatch();
      }
      int total = 0;
      for (int n : ps.executeBatch()) {
        total += Math.max(n, 0);
      }
      return total;
    }
  }

  int update(String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      bind(ps, params);
      return ps.executeUpdate();
    }
  }

  /** Reads a two-column result (text key, text value, which may be null) into a map. */
  Map<String, String> texts(String sql) throws SQLException {
    Map<String, String> texts = new HashMap<>();
    try (PreparedStatement ps = connection.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        texts.put(rs.getString(1), rs.getString(2));
      }
    }
    return texts;
  }

  /**
   * Whether another item holds the slug a seeded row wants: a curator created it, or renamed a
   * seeded item to it. The seeded row is then left out rather than stealing the slug.
   */
  static boolean slugHeldByAnother(Map<String, String> seedKeyBySlug, String slug, String seedKey) {
    return seedKeyBySlug.containsKey(slug) && !seedKey.equals(seedKeyBySlug.get(slug));
  }

  /** Reads a two-column result (text key, bigint id) into a map. */
  Map<String, Long> ids(String sql) throws SQLException {
    Map<String, Long> ids = new HashMap<>();
    try (PreparedStatement ps = connection.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ids.put(rs.getString(1), rs.getLong(2));
      }
    }
    return ids;
  }

  boolean exists(String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private void bind(PreparedStatement ps, Object[] params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object p = params[i];
      if (p == null) {
        ps.setNull(i + 1, Types.NULL);
      } else if (p instanceof String[] array) {
        ps.setArray(i + 1, connection.createArrayOf("text", array));
      } else {
        ps.setObject(i + 1, p);
      }
    }
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
