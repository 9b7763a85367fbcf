package org.mlmdkb.metric;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What other features ask of the registry: the semantics a result is checked against when written,
 * and the directions boards rank by.
 */
@ApplicationScoped
public class MetricRegistry {

  /** The live registry at one moment, looked up by a result's metric as written ("F1"). */
  public record Snapshot(Map<String, Metric> byName) {
    /** The metric's semantics; an unregistered one is an unranked score. */
    public Metric of(String resultMetric) {
      Metric m = byName.get(Metric.key(resultMetric));
      return m != null ? m : Metric.unregistered(resultMetric);
    }
  }

  private final MetricRepository reads;
  private final MetricWriteRepository writes;

  public MetricRegistry(MetricRepository reads, MetricWriteRepository writes) {
    this.reads = reads;
    this.writes = writes;
  }

  /** One read of the whole (small) registry, for a board or an index of boards. */
  public Snapshot snapshot() throws SQLException {
    return new Snapshot(
        reads.allLive().stream().collect(Collectors.toMap(Metric::name, Function.identity())));
  }

  /**
   * The live metric a result being written is filed under, share-locked for the rest of the
   * caller's transaction; empty when the registry does not hold it.
   */
  public Optional<Metric> forResultWrite(String resultMetric) throws SQLException {
    return writes.liveForResult(resultMetric);
  }

  /**
   * {@link #forResultWrite} for the metrics of many results at once (one statement), keyed by the
   * metric as written; a metric the registry does not hold is absent.
   */
  public Map<String, Metric> forResultWrites(Collection<String> resultMetrics) throws SQLException {
    return writes.liveForResults(resultMetrics);
  }
}
