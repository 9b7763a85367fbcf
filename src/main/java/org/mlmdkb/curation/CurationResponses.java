package org.mlmdkb.curation;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The HTTP shape of a write's outcome, the same for every collection. */
public final class CurationResponses {

  private CurationResponses() {}

  /** 201 with Location and ETag. */
  public static Response created(CurationWorkflow.Written written) {
    return Response.created(URI.create(written.location()))
        .tag(new EntityTag(written.etag()))
        .entity(written.body())
        .build();
  }

  /** 200 with the new ETag, and Location, since a PUT or PATCH may have renamed a slug. */
  public static Response ok(CurationWorkflow.Written written) {
    return Response.ok(written.body())
        .tag(new EntityTag(written.etag()))
        .location(URI.create(written.location()))
        .build();
  }
}
