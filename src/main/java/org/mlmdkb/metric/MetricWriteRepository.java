package org.mlmdkb.metric;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes metrics, and answers what writes of metrics and results must know on the primary: which
 * live results use a metric, and the semantics a result is checked against (read under a share
 * lock, so the metric cannot be deleted or changed until the result is stored). Callers run inside
 * one transaction.
 */
@ApplicationScoped
public class MetricWriteRepository {

  /** Another metric holding a name, and whether it is soft-deleted. */
  public record Holder(long id, boolean deleted) {}

  private static final String INSERT =
      """
      INSERT INTO metric (name, direction, kind, dimension, min_value, max_value, description)
      VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
      """;

  private static final String UPDATE =
      """
      UPDATE metric SET (name, direction, kind, dimension, min_value, max_value, description)
          = (?, ?, ?, ?, ?, ?, ?)
      WHERE id = ?
      """;

  private static final String EDITABLE_STATE =
      """
      SELECT name, direction, kind, dimension, min_value, max_value, description
      FROM metric WHERE id = ?
      """;

  private static final String LIVE_FOR_RESULT =
      """
      SELECT name, direction, kind, dimension, min_value, max_value
      FROM live_metric WHERE name = metric_key(?)
      FOR SHARE
      """;

  // The same look-up for many result metrics at once, answered per metric as written.
  private static final String LIVE_FOR_RESULTS =
      """
      SELECT asked.metric AS asked, m.name, m.direction, m.kind, m.dimension, m.min_value,
             m.max_value
      FROM unnest(?::text[]) AS asked(metric)
      JOIN live_metric m ON m.name = metric_key(asked.metric)
      FOR SHARE OF m
      """;

  private static final String LIVE_RESULTS =
      """
      SELECT count(*) FROM live_benchmark_result
      WHERE metric_key(metric) = ?
      """;

  // Live results a metric's new dimension or range would refuse. Canonical values are stored in
  // the canonical unit of the result's dimension, so the range applies to them directly.
  private static final String LIVE_RESULTS_OUTSIDE =
      """
      SELECT count(*) FROM live_benchmark_result
      WHERE metric_key(metric) = ?
        AND ((CAST(? AS text) IS NOT NULL AND canonical_unit <> ?)
          OR canonical_value < CAST(? AS numeric)
          OR canonical_value > CAST(? AS numeric))
      """;

  private final AgroalDataSource dataSource;

  public MetricWriteRepository(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  public long insert(MetricInput m) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(INSERT)) {
      bind(ps, m);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  public void update(long id, MetricInput m) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(UPDATE)) {
      bind(ps, m);
      ps.setLong(8, id);
      ps.executeUpdate();
    }
  }

  /** A row lock only holds inside the caller's transaction; without one it would end at once. */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean lockLive(long id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT 1 FROM live_metric WHERE id = ? FOR UPDATE")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /**
   * The live metric a result's metric is filed under ("MAE" → mae), share-locked until the
   * transaction ends so a concurrent delete, rename or range change waits for the result.
   */
  public Optional<Metric> liveForResult(String resultMetric) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(LIVE_FOR_RESULT)) {
      ps.setString(1, resultMetric);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(MetricRepository.metric(rs)) : Optional.empty();
      }
    }
  }

  /** {@link #liveForResult} for many result metrics in one statement, keyed as asked. */
  public Map<String, Metric> liveForResults(Collection<String> resultMetrics) throws SQLException {
    Map<String, Metric> out = new HashMap<>();
    if (resultMetrics.isEmpty()) {
      return out;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(LIVE_FOR_RESULTS)) {
      ps.setArray(1, c.createArrayOf("text", resultMetrics.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString("asked"), MetricRepository.metric(rs));
        }
      }
    }
    return out;
  }

  public Optional<Long> idOf(String name, boolean includeDeleted) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT id FROM "
                    + (includeDeleted ? "metric" : "live_metric")
                    + " WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  public Optional<MetricInput> editableState(long id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(EDITABLE_STATE)) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(
                new MetricInput(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getBigDecimal(5),
                    rs.getBigDecimal(6),
                    rs.getString(7)))
            : Optional.empty();
      }
    }
  }

  public Optional<Holder> holderOfName(String name, Long exceptId) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, deleted_at IS NOT NULL FROM metric"
                    + " WHERE name = ? AND id IS DISTINCT FROM ?")) {
      ps.setString(1, name);
      if (exceptId == null) {
        ps.setNull(2, Types.BIGINT);
      } else {
        ps.setLong(2, exceptId);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new Holder(rs.getLong(1), rs.getBoolean(2)))
            : Optional.empty();
      }
    }
  }

  /** How many live results are filed under metric {@code name}. */
  public long liveResults(String name) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(LIVE_RESULTS)) {
      ps.setString(1, name);
      return count(ps);
    }
  }

  /**
   * How many live results of metric {@code name} another dimension (null: any) or range (null
   * bounds: open) would refuse.
   */
  public long liveResultsOutside(String name, Dimension dimension, BigDecimal min, BigDecimal max)
      throws SQLException {
    String canonical = dimension == null ? null : dimension.canonicalCode();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(LIVE_RESULTS_OUTSIDE)) {
      ps.setString(1, name);
      ps.setString(2, canonical);
      ps.setString(3, canonical);
      ps.setBigDecimal(4, min);
      ps.setBigDecimal(5, max);
      return count(ps);
    }
  }

  public String nameOf(long id) throws SQLException {
    return editableState(id).orElseThrow().name();
  }

  public boolean softDelete(long id) throws SQLException {
    return execute("UPDATE live_metric SET deleted_at = now() WHERE id = ?", id);
  }

  public boolean restore(long id) throws SQLException {
    return execute(
        "UPDATE metric SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL", id);
  }

  private static void bind(PreparedStatement ps, MetricInput m) throws SQLException {
    ps.setString(1, m.name());
    ps.setString(2, m.direction());
    ps.setString(3, m.kind());
    ps.setString(4, m.dimension());
    ps.setBigDecimal(5, m.min());
    ps.setBigDecimal(6, m.max());
    ps.setString(7, m.description());
  }

  private static long count(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private boolean execute(String sql, long id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, id);
      return ps.executeUpdate() == 1;
    }
  }
}
