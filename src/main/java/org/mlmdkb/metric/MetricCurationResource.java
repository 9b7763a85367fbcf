package org.mlmdkb.metric;

import jakarta.ws.rs.Path;
import org.mlmdkb.curation.CuratedResource;
import org.mlmdkb.curation.CuratedResourceSupport;

/**
 * Metric writes, as every curated collection has them (see {@link CuratedResource}); the reads are
 * {@link MetricResource}, which shares this path.
 */
@Path("/api/v1/metrics")
public class MetricCurationResource extends CuratedResource<MetricInput> {

  public MetricCurationResource(CuratedResourceSupport support, MetricCollection metrics) {
    super(support, metrics);
  }
}
