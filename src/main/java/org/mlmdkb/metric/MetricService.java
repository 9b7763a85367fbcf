package org.mlmdkb.metric;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import org.mlmdkb.common.error.ApiException;

/** Reads of the registry; a deleted metric reads as missing (404). */
@ApplicationScoped
public class MetricService {

  private final MetricRepository metrics;

  public MetricService(MetricRepository metrics) {
    this.metrics = metrics;
  }

  public List<MetricDto> list(MetricRepository.Filter filter) throws SQLException {
    return metrics.list(filter);
  }

  public MetricDto get(String name) throws SQLException {
    return metrics.findLive(name).orElseThrow(() -> ApiException.notFound("Metric '" + name + "'"));
  }
}
