package org.mlmdkb.curation.result;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Path;
import org.mlmdkb.curation.auth.Caller;
import org.mlmdkb.curation.core.CuratedResource;
import org.mlmdkb.curation.core.CurationHistory;
import org.mlmdkb.curation.core.CurationWorkflow;

/**
 * Result writes, as every curated collection has them (see {@link CuratedResource}); the reads are
 * {@code benchmark.ResultResource}, which shares this path.
 */
@Path("/api/v1/results")
public class ResultCurationResource extends CuratedResource<ResultInput> {

  public ResultCurationResource(
      CurationWorkflow workflow,
      CurationHistory history,
      ResultCollection results,
      Caller caller,
      ObjectMapper json) {
    super(workflow, history, results, caller, json);
  }
}
