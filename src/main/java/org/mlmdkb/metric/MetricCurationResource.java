package org.mlmdkb.metric;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Path;
import org.mlmdkb.curation.CuratedResource;
import org.mlmdkb.curation.CurationHistory;
import org.mlmdkb.curation.CurationWorkflow;
import org.mlmdkb.curation.auth.Caller;

/**
 * Metric writes, as every curated collection has them (see {@link CuratedResource}); the reads are
 * {@link MetricResource}, which shares this path.
 */
@Path("/api/v1/metrics")
public class MetricCurationResource extends CuratedResource<MetricInput> {

  public MetricCurationResource(
      CurationWorkflow workflow,
      CurationHistory history,
      MetricCollection metrics,
      Caller caller,
      ObjectMapper json) {
    super(workflow, history, metrics, caller, json);
  }
}
