package org.mlmdkb.result.imports;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mlmdkb.result.ResultInput;

/** What a result import reads besides the single-result rules: duplicates and source details. */
@ApplicationScoped
public class ResultImportRepository {

  // The duplicate key: method and variant, the leaderboard fingerprint (dataset, subset, task,
  // target, metric, basis, split, n_train, level of theory, temperature, canonical unit) and the
  // canonical value. IS NOT DISTINCT FROM: an absent field equals an absent one; numeric = numeric
  // compares values, not spellings (2.50 = 2.5). The method index narrows it.
  private static final String FIND_DUPLICATE =
      """
      SELECT r.id FROM benchmark_result r
      JOIN method m ON m.id = r.method_id
      JOIN dataset d ON d.id = r.dataset_id
      LEFT JOIN dataset_subset s ON s.id = r.subset_id
      WHERE r.deleted_at IS NULL AND m.slug = ? AND r.method_variant IS NOT DISTINCT FROM ?
        AND d.slug = ? AND s.slug IS NOT DISTINCT FROM ?
        AND r.task = ? AND r.target = ? AND r.metric = ? AND r.basis = ?
        AND r.split IS NOT DISTINCT FROM ? AND r.n_train IS NOT DISTINCT FROM ?
        AND r.level_of_theory IS NOT DISTINCT FROM ?
        AND r.temperature_k IS NOT DISTINCT FROM ?
        AND r.canonical_unit = ? AND r.canonical_value = ?
      ORDER BY r.id
      LIMIT 1
      """;

  private static final String LIVE_PAPER_BY_IDENTIFIER =
      """
      SELECT id FROM paper
      WHERE deleted_at IS NULL AND (doi = ? OR arxiv_id = ?)
      ORDER BY id
      LIMIT 1
      """;

  private static final String LIVE_METHODS =
      "SELECT slug FROM method WHERE deleted_at IS NULL AND slug = ANY(?) ORDER BY slug";

  private static final String LIVE_DATASETS =
      "SELECT slug FROM dataset WHERE deleted_at IS NULL AND slug = ANY(?) ORDER BY slug";

  private final AgroalDataSource dataSource;

  public ResultImportRepository(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The duplicate key as text: what an import locks and what rows of one import are keyed by. */
  static String duplicateKey(ResultInput r, BigDecimal canonicalValue, String canonicalUnit) {
    return String.join(
        "\u0000",
        "result",
        r.method(),
        absentOr(r.methodVariant()),
        r.dataset(),
        absentOr(r.subset()),
        r.task(),
        r.target(),
        r.metric(),
        r.basis(),
        absentOr(r.split()),
        r.nTrain() == null ? "\u0001" : r.nTrain().toString(),
        absentOr(r.levelOfTheory()),
        r.temperatureK() == null ? "\u0001" : plain(r.temperatureK()),
        canonicalUnit,
        plain(canonicalValue));
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }

  private static String absentOr(String text) {
    return text == null ? "\u0001" : text;
  }

  /** The oldest live result with the same duplicate key. */
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
      ps.setString(8, r.basis());
      ps.setString(9, r.split());
      if (r.nTrain() == null) {
        ps.setNull(10, Types.INTEGER);
      } else {
        ps.setInt(10, r.nTrain());
      }
      ps.setString(11, r.levelOfTheory());
      ps.setBigDecimal(12, r.temperatureK());
      ps.setString(13, canonicalUnit);
      ps.setBigDecimal(14, canonicalValue);
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

  /** The live paper holding this DOI or arXiv id (both as the schema stores them), if any. */
  public Optional<Long> livePaperId(String doi, String arxivId) throws SQLException {
    if (doi == null && arxivId == null) {
      return Optional.empty();
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(LIVE_PAPER_BY_IDENTIFIER)) {
      ps.setString(1, doi);
      ps.setString(2, arxivId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  /** Of these method slugs, the live ones. */
  public List<String> liveMethods(List<String> slugs) throws SQLException {
    return liveSlugs(LIVE_METHODS, slugs);
  }

  /** Of these dataset slugs, the live ones. */
  public List<String> liveDatasets(List<String> slugs) throws SQLException {
    return liveSlugs(LIVE_DATASETS, slugs);
  }

  private List<String> liveSlugs(String sql, List<String> slugs) throws SQLException {
    List<String> out = new ArrayList<>();
    if (slugs.isEmpty()) {
      return out;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, c.createArrayOf("text", slugs.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }
}
