package org.mlmdkb.result;

import jakarta.ws.rs.Path;
import org.mlmdkb.curation.CuratedResource;
import org.mlmdkb.curation.CuratedResourceSupport;

/**
 * Result writes, as every curated collection has them (see {@link CuratedResource}); the reads are
 * {@code benchmark.ResultResource}, which shares this path.
 */
@Path("/api/v1/results")
public class ResultCurationResource extends CuratedResource<ResultInput> {

  public ResultCurationResource(CuratedResourceSupport support, ResultCollection results) {
    super(support, results);
  }
}
