package org.mlmdkb.paper;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Path;
import org.mlmdkb.curation.CuratedResource;
import org.mlmdkb.curation.CurationHistory;
import org.mlmdkb.curation.CurationWorkflow;
import org.mlmdkb.curation.auth.Caller;

/**
 * Paper writes, as every curated collection has them (see {@link CuratedResource}); the reads are
 * {@code paper.PaperResource}, which shares this path.
 */
@Path("/api/v1/papers")
public class PaperCurationResource extends CuratedResource<PaperInput> {

  public PaperCurationResource(
      CurationWorkflow workflow,
      CurationHistory history,
      PaperCollection papers,
      Caller caller,
      ObjectMapper json) {
    super(workflow, history, papers, caller, json);
  }
}
