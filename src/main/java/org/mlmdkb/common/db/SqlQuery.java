package org.mlmdkb.common.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects WHERE conditions with their bind parameters, so list endpoints can combine optional
 * filters without concatenating request text into SQL.
 */
public final class SqlQuery {

  private final List<String> conditions = new ArrayList<>();
  private final List<Object> params = new ArrayList<>();

  /** Adds a condition whose {@code ?} placeholders take {@code values} in order. */
  public SqlQuery where(String condition, Object... values) {
    conditions.add(condition);
    params.addAll(List.of(values));
    return this;
  }

  public String whereClause() {
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  public List<Object> params() {
    return List.copyOf(params);
  }

  /** Prepares {@code sql} and binds this query's parameters followed by {@code extra}. */
  public PreparedStatement prepare(Connection c, String sql, Object... extra) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    List<Object> all = new ArrayList<>(params);
    all.addAll(List.of(extra));
    bind(c, ps, all);
    return ps;
  }

  public static void bind(Connection c, PreparedStatement ps, List<Object> values)
      throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      Object v = values.get(i);
      if (v == null) {
        ps.setNull(i + 1, Types.NULL);
      } else if (v instanceof Long[] ids) {
        ps.setArray(i + 1, c.createArrayOf("bigint", ids));
      } else if (v instanceof Float[] reals) {
        ps.setArray(i + 1, c.createArrayOf("float4", reals));
      } else if (v instanceof String[] texts) {
        ps.setArray(i + 1, c.createArrayOf("text", texts));
      } else {
        ps.setObject(i + 1, v);
      }
    }
  }
}
