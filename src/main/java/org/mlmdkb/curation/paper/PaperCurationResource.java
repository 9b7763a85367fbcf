package org.mlmdkb.curation.paper;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Path;
import org.mlmdkb.curation.auth.Caller;
import org.mlmdkb.curation.core.CuratedResource;
import org.mlmdkb.curation.core.CurationHistory;
import org.mlmdkb.curation.core.CurationWorkflow;

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
