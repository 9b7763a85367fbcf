package org.mlmdkb.result;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Writes benchmark results. Callers run inside one transaction, so the row lock taken by {@link
 * #lockLive} holds until the write commits. Updates fire V010's trigger, which keeps the superseded
 * version for leaderboards {@code as_of} a past date.
 */
@ApplicationScoped
public class ResultWriteRepository {

  // Slugs resolve to ids in the statement itself; the service has checked that they exist.
  private static final String VALUES =
      """
      (SELECT id FROM method WHERE slug = ?), ?, (SELECT id FROM dataset WHERE slug = ?),
      (SELECT s.id FROM dataset_subset s JOIN dataset d ON d.id = s.dataset_id
       WHERE d.slug = ? AND s.slug = ?),
      ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
      """;

  private static final String COLUMNS =
      """
      method_id, method_variant, dataset_id, subset_id, task, target, metric, value, unit,
      canonical_value, canonical_unit, basis, n_train, split, uncertainty, n_runs, temperature_k,
      level_of_theory, status, reported_on, paper_id, source_id, source_repository, source_path,
      source_commit, source_location
      """;

  private final AgroalDataSource dataSource;

  public ResultWriteRepository(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  public long insert(ResultInput r, BigDecimal canonicalValue, String canonicalUnit)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO benchmark_result ("
                    + COLUMNS
                    + ") VALUES ("
                    + VALUES
                    + ") RETURNING id")) {
      bind(ps, r, canonicalValue, canonicalUnit);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  public void update(long id, ResultInput r, BigDecimal canonicalValue, String canonicalUnit)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE benchmark_result SET (" + COLUMNS + ") = (" + VALUES + ") WHERE id = ?")) {
      int next = bind(ps, r, canonicalValue, canonicalUnit);
      ps.setLong(next, id);
      ps.executeUpdate();
    }
  }

  /** Locks the row until the transaction ends, so concurrent writers run one after the other. */
  /** A row lock only holds inside the caller's transaction; without one it would end at once. */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean lockLive(long id) throws SQLException {
    return exists("SELECT 1 FROM live_benchmark_result WHERE id = ? FOR UPDATE", id);
  }

  public boolean existsLive(long id) throws SQLException {
    return exists("SELECT 1 FROM live_benchmark_result WHERE id = ?", id);
  }

  public boolean existsIncludingDeleted(long id) throws SQLException {
    return exists("SELECT 1 FROM benchmark_result WHERE id = ?", id);
  }

  /** Soft delete: V010's trigger keeps the live version, so past leaderboards still show it. */
  public void softDelete(long id) throws SQLException {
    update("UPDATE live_benchmark_result SET deleted_at = now() WHERE id = ?", id);
  }

  public boolean restore(long id) throws SQLException {
    return update(
            "UPDATE benchmark_result SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL",
            id)
        > 0;
  }

  private int update(String sql, long id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, id);
      return ps.executeUpdate();
    }
  }

  public boolean methodExists(String slug) throws SQLException {
    return exists("SELECT 1 FROM live_method WHERE slug = ?", slug);
  }

  public boolean datasetExists(String slug) throws SQLException {
    return exists("SELECT 1 FROM live_dataset WHERE slug = ?", slug);
  }

  public boolean subsetExists(String dataset, String subset) throws SQLException {
    return exists(
        "SELECT 1 FROM dataset_subset s JOIN dataset d ON d.id = s.dataset_id"
            + " WHERE d.slug = ? AND s.slug = ?",
        dataset,
        subset);
  }

  public boolean sourceExists(String id) throws SQLException {
    return exists("SELECT 1 FROM source WHERE id = ?", id);
  }

  public boolean livePaperExists(long id) throws SQLException {
    return exists("SELECT 1 FROM live_paper WHERE id = ?", id);
  }

  public Optional<ResultInput> editableState(long id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                """
                SELECT m.slug AS method, r.method_variant, d.slug AS dataset, s.slug AS subset,
                       r.task, r.target, r.metric, r.value, r.unit, r.basis, r.n_train, r.split,
                       r.uncertainty, r.n_runs, r.temperature_k, r.level_of_theory, r.status,
                       r.reported_on, r.paper_id, r.source_id, r.source_repository,
                       r.source_path, r.source_commit, r.source_location
                FROM benchmark_result r
                JOIN method m ON m.id = r.method_id
                JOIN dataset d ON d.id = r.dataset_id
                LEFT JOIN dataset_subset s ON s.id = r.subset_id
                WHERE r.id = ?
                """)) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        LocalDate reportedOn = rs.getObject("reported_on", LocalDate.class);
        return Optional.of(
            new ResultInput(
                rs.getString("method"),
                rs.getString("method_variant"),
                rs.getString("dataset"),
                rs.getString("subset"),
                rs.getString("task"),
                rs.getString("target"),
                rs.getString("metric"),
                rs.getBigDecimal("value"),
                rs.getString("unit"),
                rs.getString("basis"),
                (Integer) rs.getObject("n_train"),
                rs.getString("split"),
                rs.getBigDecimal("uncertainty"),
                (Integer) rs.getObject("n_runs"),
                rs.getBigDecimal("temperature_k"),
                rs.getString("level_of_theory"),
                rs.getString("status"),
                reportedOn == null ? null : reportedOn.toString(),
                (Long) rs.getObject("paper_id"),
                rs.getString("source_id"),
                rs.getString("source_repository"),
                rs.getString("source_path"),
                rs.getString("source_commit"),
                rs.getString("source_location")));
      }
    }
  }

  /** Binds {@link #VALUES}; returns the next parameter index. */
  private static int bind(
      PreparedStatement ps, ResultInput r, BigDecimal canonicalValue, String canonicalUnit)
      throws SQLException {
    Object[][] values = {
      {r.method(), Types.VARCHAR},
      {r.methodVariant(), Types.VARCHAR},
      {r.dataset(), Types.VARCHAR},
      {r.dataset(), Types.VARCHAR},
      {r.subset(), Types.VARCHAR},
      {r.task(), Types.VARCHAR},
      {r.target(), Types.VARCHAR},
      {r.metric(), Types.VARCHAR},
      {r.value(), Types.NUMERIC},
      {r.unit(), Types.VARCHAR},
      {canonicalValue, Types.NUMERIC},
      {canonicalUnit, Types.VARCHAR},
      {r.basis(), Types.VARCHAR},
      {r.nTrain(), Types.INTEGER},
      {r.split(), Types.VARCHAR},
      {r.uncertainty(), Types.NUMERIC},
      {r.nRuns(), Types.INTEGER},
      {r.temperatureK(), Types.NUMERIC},
      {r.levelOfTheory(), Types.VARCHAR},
      {r.status(), Types.VARCHAR},
      {r.reportedOn() == null ? null : Date.valueOf(LocalDate.parse(r.reportedOn())), Types.DATE},
      {r.paper(), Types.BIGINT},
      {r.source(), Types.VARCHAR},
      {r.repository(), Types.VARCHAR},
      {r.path(), Types.VARCHAR},
      {r.commit(), Types.VARCHAR},
      {r.location(), Types.VARCHAR}
    };
    for (int i = 0; i < values.length; i++) {
      if (values[i][0] == null) {
        ps.setNull(i + 1, (Integer) values[i][1]);
      } else {
        ps.setObject(i + 1, values[i][0], (Integer) values[i][1]);
      }
    }
    return values.length + 1;
  }

  private boolean exists(String sql, Object... params) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }
}
