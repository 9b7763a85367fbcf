package org.mlmdkb.result.imports;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;
import org.mlmdkb.result.ResultInput;

/** What a result import reads besides the single-result rules: duplicates and source details. */
@ApplicationScoped
public class ResultImportRepository {

  // IS NOT DISTINCT FROM: an absent variant, subset, split or n_train equals an absent one.
  // numeric = numeric compares values, not spellings (2.50 = 2.5). The method index narrows it.
  private static final String FIND_DUPLICATE =
      """
      SELECT r.id FROM benchmark_result r
      JOIN method m ON m.id = r.method_id
      JOIN dataset d ON d.id = r.dataset_id
      LEFT JOIN dataset_subset s ON s.id = r.subset_id
      WHERE r.deleted_at IS NULL AND m.slug = ? AND r.method_variant IS NOT DISTINCT FROM ?
        AND d.slug = ? AND s.slug IS NOT DISTINCT FROM ?
        AND r.task = ? AND r.target = ? AND r.metric = ?
        AND r.split IS NOT DISTINCT FROM ? AND r.n_train IS NOT DISTINCT FROM ?
        AND r.canonical_unit = ? AND r.canonical_value = ?
      ORDER BY r.id
      LIMIT 1
      """;

  private final AgroalDataSource dataSource;

  public ResultImportRepository(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The oldest result (results are hard-deleted, so every row is live) measuring the same. */
  public Optional<Long> findDuplicate(
      ResultInput r, BigDecimal canonicalValue, String canonicalUnit) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(FIND_DUPLICATE)) {
      ps.setString(1, r.method());
      ps.setString(2, r.methodVariant());
      ps.setString(3, r.dataset());
      ps.setString(4, r.subset());
      ps.setString(5, r.task());
      ps.setString(6, r.target());
      ps.setString(7, r.metric());
      ps.setString(8, r.split());
      if (r.nTrain() == null) {
        ps.setNull(9, Types.INTEGER);
      } else {
        ps.setInt(9, r.nTrain());
      }
      ps.setString(10, canonicalUnit);
      ps.setBigDecimal(11, canonicalValue);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  /** The repository a source's files come from, e.g. janosh/matbench-discovery. */
  public Optional<String> sourceRepository(String sourceId) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT repository FROM source WHERE id = ?")) {
      ps.setString(1, sourceId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
      }
    }
  }
}
