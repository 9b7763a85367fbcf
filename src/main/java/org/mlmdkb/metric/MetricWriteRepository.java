package org.mlmdkb.metric;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.statement.SqlStatement;
import org.mlmdkb.common.db.SoftDeletable;
import org.mlmdkb.common.db.Sql;
import org.mlmdkb.curation.CuratedTable;

/**
 * Writes metrics, and answers what writes of metrics and results must know on the primary: which
 * live results use a metric, and the semantics a result is checked against (read under a share
 * lock, so the metric cannot be deleted or changed until the result is stored). Callers run inside
 * one transaction.
 */
@Singleton
public class MetricWriteRepository extends CuratedTable<MetricInput> {

  private static final String INSERT =
      """
      INSERT INTO metric (name, direction, kind, dimension, min_value, max_value, description)
      VALUES (:name, :direction, :kind, :dimension, :min_value, :max_value, :description)
      RETURNING id
      """;

  private static final String UPDATE =
      """
      UPDATE metric SET (name, direction, kind, dimension, min_value, max_value, description)
          = (:name, :direction, :kind, :dimension, :min_value, :max_value, :description)
      WHERE id = :id
      """;

  private static final String EDITABLE_STATE =
      """
      SELECT name, direction, kind, dimension, min_value, max_value, description
      FROM metric WHERE id = :id
      """;

  private static final String LIVE_FOR_RESULT =
      """
      SELECT name, direction, kind, dimension, min_value, max_value
      FROM live_metric WHERE name = metric_key(:metric)
      FOR SHARE
      """;

  // The same look-up for many result metrics at once, answered per metric as written.
  private static final String LIVE_FOR_RESULTS =
      """
      SELECT asked.metric AS asked, m.name, m.direction, m.kind, m.dimension, m.min_value,
             m.max_value
      FROM unnest(:metrics::text[]) AS asked(metric)
      JOIN live_metric m ON m.name = metric_key(asked.metric)
      FOR SHARE OF m
      """;

  // From the live results' counts per fingerprint (board_result_count, exact in every transaction):
  // a result writer holds the metric FOR SHARE until it commits, so a metric writer that locked the
  // metric reads counts no uncommitted result can change.
  private static final String LIVE_RESULTS =
      """
      SELECT coalesce(sum(n), 0) FROM board_result_count
      WHERE metric_key(metric) = :name
      """;

  // Live results a metric's new dimension or range would refuse. Canonical values are stored in
  // the canonical unit of the result's dimension, so the range applies to them directly. The
  // boards that hold the metric come from the counts; their results are read through the live
  // board index (no index of results by metric: each would cost every stored result).
  private static final String LIVE_RESULTS_OUTSIDE =
      """
      SELECT count(*)
      FROM (SELECT DISTINCT dataset_id, target, lower(metric) AS metric, task
            FROM board_result_count WHERE metric_key(metric) = :name) board
      JOIN live_benchmark_result r
        ON r.dataset_id = board.dataset_id AND r.target = board.target
       AND lower(r.metric) = board.metric AND r.task = board.task
      WHERE metric_key(r.metric) = :name
        AND ((CAST(:canonical_unit AS text) IS NOT NULL AND r.canonical_unit <> :canonical_unit)
          OR r.canonical_value < CAST(:min AS numeric)
          OR r.canonical_value > CAST(:max AS numeric))
      """;

  public MetricWriteRepository(AgroalDataSource dataSource) {
    super(dataSource, SoftDeletable.METRIC);
  }

  @Override
  public long insert(MetricInput m) throws SQLException {
    return insertRow(h -> bind(h.createQuery(INSERT), m), Links.NONE);
  }

  @Override
  public void update(long id, MetricInput m) throws SQLException {
    updateRow(id, h -> bind(h.createUpdate(UPDATE), m), Links.NONE);
  }

  /**
   * The live metric a result's metric is filed under ("MAE" → mae), share-locked until the
   * transaction ends so a concurrent delete, rename or range change waits for the result; the lock
   * needs that transaction.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Metric> liveForResult(String resultMetric) throws SQLException {
    return Sql.query(
        dataSource,
        LIVE_FOR_RESULT,
        q ->
            q.bind("metric", resultMetric)
                .map((rs, ctx) -> MetricRepository.metric(rs))
                .findFirst());
  }

  /** {@link #liveForResult} for many result metrics in one statement, keyed as asked. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Map<String, Metric> liveForResults(Collection<String> resultMetrics) throws SQLException {
    Map<String, Metric> out = new HashMap<>();
    if (resultMetrics.isEmpty()) {
      return out;
    }
    return Sql.query(
        dataSource,
        LIVE_FOR_RESULTS,
        q ->
            q.bind("metrics", resultMetrics.toArray(String[]::new))
                .reduceResultSet(
                    out,
                    (metrics, rs, ctx) -> {
                      metrics.put(rs.getString("asked"), MetricRepository.metric(rs));
                      return metrics;
                    }));
  }

  public Optional<Long> idOf(String name, boolean includeDeleted) throws SQLException {
    return idOf("name", name, includeDeleted);
  }

  @Override
  public Optional<MetricInput> editableState(long id) throws SQLException {
    return Sql.query(
        dataSource,
        EDITABLE_STATE,
        q ->
            q.bind("id", id)
                .map(
                    (rs, ctx) ->
                        new MetricInput(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getBigDecimal(5),
                            rs.getBigDecimal(6),
                            rs.getString(7)))
                .findFirst());
  }

  public Optional<SoftDeletable.Holder> holderOfName(String name, Long exceptId)
      throws SQLException {
    return holderOf("name", name, exceptId);
  }

  /** How many live results are filed under metric {@code name}. */
  public long liveResults(String name) throws SQLException {
    return Sql.query(dataSource, LIVE_RESULTS, q -> q.bind("name", name).mapTo(Long.class).one());
  }

  /**
   * How many live results of metric {@code name} another dimension (null: any) or range (null
   * bounds: open) would refuse.
   */
  public long liveResultsOutside(String name, Dimension dimension, BigDecimal min, BigDecimal max)
      throws SQLException {
    String canonical = dimension == null ? null : dimension.canonicalCode();
    return Sql.query(
        dataSource,
        LIVE_RESULTS_OUTSIDE,
        q ->
            q.bind("name", name)
                .bind("canonical_unit", canonical)
                .bind("min", min)
                .bind("max", max)
                .mapTo(Long.class)
                .one());
  }

  public String nameOf(long id) throws SQLException {
    return editableState(id).orElseThrow().name();
  }

  private static <S extends SqlStatement<S>> S bind(S statement, MetricInput m) {
    return statement
        .bind("name", m.name())
        .bind("direction", m.direction())
        .bind("kind", m.kind())
        .bind("dimension", m.dimension())
        .bind("min_value", m.min())
        .bind("max_value", m.max())
        .bind("description", m.description());
  }
}
