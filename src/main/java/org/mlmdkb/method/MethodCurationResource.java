package org.mlmdkb.method;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Path;
import org.mlmdkb.curation.CuratedResource;
import org.mlmdkb.curation.CurationHistory;
import org.mlmdkb.curation.CurationWorkflow;
import org.mlmdkb.curation.auth.Caller;

/**
 * Method writes, as every curated collection has them (see {@link CuratedResource}); the reads are
 * {@code method.MethodResource}, which shares this path.
 */
@Path("/api/v1/methods")
public class MethodCurationResource extends CuratedResource<MethodInput> {

  public MethodCurationResource(
      CurationWorkflow workflow,
      CurationHistory history,
      MethodCollection methods,
      Caller caller,
      ObjectMapper json) {
    super(workflow, history, methods, caller, json);
  }
}
