package org.mlmdkb.result;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import org.jdbi.v3.core.statement.SqlStatement;
import org.mlmdkb.common.db.SoftDeletable;
import org.mlmdkb.common.db.Sql;

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
      (SELECT id FROM method WHERE slug = :method), :method_variant,
      (SELECT id FROM dataset WHERE slug = :dataset),
      (SELECT s.id FROM dataset_subset s JOIN dataset d ON d.id = s.dataset_id
       WHERE d.slug = :dataset AND s.slug = :subset),
      :task, :target, :metric, :value, :unit, :canonical_value, :canonical_unit, :basis,
      :n_train, :split, :uncertainty, :n_runs, :temperature_k, :level_of_theory, :status,
      :reported_on, :paper_id, :source_id, :source_repository, :source_path, :source_commit,
      :source_location
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
    String sql =
        "INSERT INTO benchmark_result (" + COLUMNS + ") VALUES (" + VALUES + ") RETURNING id";
    return Sql.with(
        dataSource,
        h -> bind(h.createQuery(sql), r, canonicalValue, canonicalUnit).mapTo(Long.class).one());
  }

  public void update(long id, ResultInput r, BigDecimal canonicalValue, String canonicalUnit)
      throws SQLException {
    String sql = "UPDATE benchmark_result SET (" + COLUMNS + ") = (" + VALUES + ") WHERE id = :id";
    Sql.use(
        dataSource,
        h -> bind(h.createUpdate(sql), r, canonicalValue, canonicalUnit).bind("id", id).execute());
  }

  /**
   * Locks the row until the transaction ends, so concurrent writers run one after the other. A row
   * lock only holds inside the caller's transaction; without one it would end at once.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean lockLive(long id) throws SQLException {
    return SoftDeletable.BENCHMARK_RESULT.lockLive(dataSource, id);
  }

  public boolean existsLive(long id) throws SQLException {
    return SoftDeletable.BENCHMARK_RESULT.existsLive(dataSource, id);
  }

  public boolean existsIncludingDeleted(long id) throws SQLException {
    return exists("SELECT 1 FROM benchmark_result WHERE id = :id", "id", id);
  }

  /** Soft delete: V010's trigger keeps the live version, so past leaderboards still show it. */
  public void softDelete(long id) throws SQLException {
    SoftDeletable.BENCHMARK_RESULT.softDelete(dataSource, id);
  }

  public boolean restore(long id) throws SQLException {
    return SoftDeletable.BENCHMARK_RESULT.restore(dataSource, id);
  }

  public boolean methodExists(String slug) throws SQLException {
    return exists("SELECT 1 FROM live_method WHERE slug = :slug", "slug", slug);
  }

  public boolean datasetExists(String slug) throws SQLException {
    return exists("SELECT 1 FROM live_dataset WHERE slug = :slug", "slug", slug);
  }

  public boolean subsetExists(String dataset, String subset) throws SQLException {
    return Sql.query(
        dataSource,
        "SELECT 1 FROM dataset_subset s JOIN dataset d ON d.id = s.dataset_id"
            + " WHERE d.slug = :dataset AND s.slug = :subset",
        q ->
            q.bind("dataset", dataset)
                .bind("subset", subset)
                .mapTo(Integer.class)
                .findFirst()
                .isPresent());
  }

  public boolean sourceExists(String id) throws SQLException {
    return exists("SELECT 1 FROM source WHERE id = :id", "id", id);
  }

  public boolean livePaperExists(long id) throws SQLException {
    return exists("SELECT 1 FROM live_paper WHERE id = :id", "id", id);
  }

  public Optional<ResultInput> editableState(long id) throws SQLException {
    return Sql.query(
        dataSource,
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
                WHERE r.id = :id
                """,
        q ->
            q.bind("id", id)
                .map(
                    (rs, ctx) -> {
                      LocalDate reportedOn = rs.getObject("reported_on", LocalDate.class);
                      return new ResultInput(
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
                          rs.getString("source_location"));
                    })
                .findFirst());
  }

  /** Binds {@link #VALUES}. */
  private static <S extends SqlStatement<S>> S bind(
      S statement, ResultInput r, BigDecimal canonicalValue, String canonicalUnit) {
    return statement
        .bind("method", r.method())
        .bind("method_variant", r.methodVariant())
        .bind("dataset", r.dataset())
        .bind("subset", r.subset())
        .bind("task", r.task())
        .bind("target", r.target())
        .bind("metric", r.metric())
        .bind("value", r.value())
        .bind("unit", r.unit())
        .bind("canonical_value", canonicalValue)
        .bind("canonical_unit", canonicalUnit)
        .bind("basis", r.basis())
        .bind("n_train", r.nTrain())
        .bind("split", r.split())
        .bind("uncertainty", r.uncertainty())
        .bind("n_runs", r.nRuns())
        .bind("temperature_k", r.temperatureK())
        .bind("level_of_theory", r.levelOfTheory())
        .bind("status", r.status())
        .bind(
            "reported_on",
            r.reportedOn() == null ? null : Date.valueOf(LocalDate.parse(r.reportedOn())))
        .bind("paper_id", r.paper())
        .bind("source_id", r.source())
        .bind("source_repository", r.repository())
        .bind("source_path", r.path())
        .bind("source_commit", r.commit())
        .bind("source_location", r.location());
  }

  private boolean exists(String sql, String name, Object value) throws SQLException {
    return Sql.query(
        dataSource, sql, q -> q.bind(name, value).mapTo(Integer.class).findFirst().isPresent());
  }
}
