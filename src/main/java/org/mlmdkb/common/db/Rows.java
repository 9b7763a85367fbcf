package org.mlmdkb.common.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Runs one read statement on a pooled connection and maps each row; the repositories' plumbing. */
public final class Rows {

  private Rows() {}

  /** Maps the current row of a result set. */
  public interface Mapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /** All rows of {@code sql} with {@code params} bound in order (arrays as SQL arrays). */
  public static <T> List<T> list(
      DataSource dataSource, String sql, Mapper<T> mapper, Object... params) throws SQLException {
    List<T> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      SqlQuery.bind(c, ps, List.of(params));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(mapper.map(rs));
        }
      }
    }
    return out;
  }
}
