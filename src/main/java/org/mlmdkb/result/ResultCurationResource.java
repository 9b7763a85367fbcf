package org.mlmdkb.result;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Path;
import org.mlmdkb.curation.CuratedResource;
import org.mlmdkb.curation.CurationHistory;
import org.mlmdkb.curation.CurationWorkflow;
import org.mlmdkb.curation.auth.Caller;

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
