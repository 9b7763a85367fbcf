package org.mlmdkb.common.db;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Collects WHERE conditions with their {@code :name} parameters, so list endpoints can combine
 * optional filters without concatenating request text into SQL.
 */
public final class SqlQuery {

  private final List<String> conditions = new ArrayList<>();
  private final Map<String, Object> params = new LinkedHashMap<>();

  /** Adds a condition without parameters. */
  public SqlQuery where(String condition) {
    conditions.add(condition);
    return this;
  }

  /** Adds a condition whose {@code :name} parameter takes {@code value}. */
  public SqlQuery where(String condition, String name, Object value) {
    conditions.add(condition);
    return bind(name, value);
  }

  /**
   * Binds {@code :name} for a condition or for the statement around the clause. A name may come
   * twice only with the same value: two filters must not silently share a parameter.
   */
  public SqlQuery bind(String name, Object value) {
    if (params.containsKey(name) && !Objects.deepEquals(params.get(name), value)) {
      throw new IllegalArgumentException(
          "Parameter :" + name + " bound twice, to different values");
    }
    params.put(name, value);
    return this;
  }

  /**
   * {@code q} anywhere in the name, the slug or one of the aliases of {@code row} (an alias of a
   * table with those columns, never request text), whatever its case; LIKE's wildcards and escape
   * in {@code q} stand for themselves.
   */
  public SqlQuery whereNameContains(String row, String q) {
    String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    return where(
        "("
            + row
            + ".name ILIKE :like OR "
            + row
            + ".slug ILIKE :like OR EXISTS (SELECT 1 FROM unnest("
            + row
            + ".aliases) a WHERE a ILIKE :like))",
        "like",
        like);
  }

  public String whereClause() {
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  /**
   * The clause of one page of a list keyed by slug: rows of {@code row} (an alias with a unique
   * slug) after {@code afterSlug} (null: from the first), in slug order, at most {@code limit}.
   */
  public String slugPage(String row, String afterSlug, int limit) {
    if (afterSlug != null) {
      where(row + ".slug > :after_slug", "after_slug", afterSlug);
    }
    bind("limit", limit);
    return whereClause() + " ORDER BY " + row + ".slug LIMIT :limit";
  }

  /** How many rows of {@code from} (a table or view and its alias) meet the conditions. */
  public long count(DataSource source, String from) throws SQLException {
    String sql = "SELECT count(*) FROM " + from + whereClause();
    return Sql.with(source, h -> query(h, sql).mapTo(Long.class).one());
  }

  /** Binds this query's parameters to {@code statement}. */
  public <S extends SqlStatement<S>> S bindTo(S statement) {
    params.forEach(statement::bind);
    return statement;
  }

  /** {@code sql} as a query on {@code h} with this query's parameters bound. */
  public Query query(Handle h, String sql) {
    return bindTo(h.createQuery(sql));
  }
}
