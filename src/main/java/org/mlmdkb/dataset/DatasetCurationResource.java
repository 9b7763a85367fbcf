package org.mlmdkb.dataset;

import jakarta.ws.rs.Path;
import org.mlmdkb.curation.CuratedResource;
import org.mlmdkb.curation.CuratedResourceSupport;

/**
 * Dataset writes, as every curated collection has them (see {@link CuratedResource}); the reads are
 * {@code dataset.DatasetResource}, which shares this path.
 */
@Path("/api/v1/datasets")
public class DatasetCurationResource extends CuratedResource<DatasetInput> {

  public DatasetCurationResource(CuratedResourceSupport support, DatasetCollection datasets) {
    super(support, datasets);
  }
}
