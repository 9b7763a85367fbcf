package org.mlmdkb.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Path;
import org.mlmdkb.curation.CuratedResource;
import org.mlmdkb.curation.CurationHistory;
import org.mlmdkb.curation.CurationWorkflow;
import org.mlmdkb.curation.auth.Caller;

/**
 * Dataset writes, as every curated collection has them (see {@link CuratedResource}); the reads are
 * {@code dataset.DatasetResource}, which shares this path.
 */
@Path("/api/v1/datasets")
public class DatasetCurationResource extends CuratedResource<DatasetInput> {

  public DatasetCurationResource(
      CurationWorkflow workflow,
      CurationHistory history,
      DatasetCollection datasets,
      Caller caller,
      ObjectMapper json) {
    super(workflow, history, datasets, caller, json);
  }
}
