package org.mlmdkb.method;

import jakarta.ws.rs.Path;
import org.mlmdkb.curation.CuratedResource;
import org.mlmdkb.curation.CuratedResourceSupport;

/**
 * Method writes, as every curated collection has them (see {@link CuratedResource}); the reads are
 * {@code method.MethodResource}, which shares this path.
 */
@Path("/api/v1/methods")
public class MethodCurationResource extends CuratedResource<MethodInput> {

  public MethodCurationResource(CuratedResourceSupport support, MethodCollection methods) {
    super(support, methods);
  }
}
