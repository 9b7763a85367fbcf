package org.mlmdkb.paper;

import jakarta.ws.rs.Path;
import org.mlmdkb.curation.CuratedResource;
import org.mlmdkb.curation.CuratedResourceSupport;

/**
 * Paper writes, as every curated collection has them (see {@link CuratedResource}); the reads are
 * {@code paper.PaperResource}, which shares this path.
 */
@Path("/api/v1/papers")
public class PaperCurationResource extends CuratedResource<PaperInput> {

  public PaperCurationResource(CuratedResourceSupport support, PaperCollection papers) {
    super(support, papers);
  }
}
