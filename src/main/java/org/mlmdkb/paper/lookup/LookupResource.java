package org.mlmdkb.paper.lookup;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.sql.SQLException;
import java.util.Set;
import org.mlmdkb.common.query.QueryParams;
import org.mlmdkb.curation.RequestBodies;
import org.mlmdkb.curation.auth.Caller;

/**
 * Adds a paper by DOI or arXiv id. A path segment of its own ("papers:lookup"), so it never meets
 * the {ref} and {id}:restore templates under /api/v1/papers.
 */
@Path("/api/v1/papers:lookup")
@Produces(MediaType.APPLICATION_JSON)
public class LookupResource {

  private final LookupService service;
  private final Caller caller;

  public LookupResource(LookupService service, Caller caller) {
    this.service = service;
    this.caller = caller;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response lookup(
      @Context UriInfo uri, @QueryParam("dry_run") String dryRun, LookupRequest request)
      throws SQLException {
    QueryParams.allowOnly(uri, Set.of("dry_run"));
    boolean dry = Boolean.TRUE.equals(QueryParams.bool("dry_run", dryRun));
    if (request == null) {
      throw RequestBodies.notAnObject();
    }
    LookupService.Outcome outcome = service.lookup(request, dry, caller.keyName());
    Response.ResponseBuilder response =
        outcome.result().status() == LookupResult.Status.CREATED
            ? Response.created(URI.create("/api/v1/papers/" + outcome.paperId()))
            : Response.ok();
    if (outcome.etag() != null) {
      response.tag(new EntityTag(outcome.etag()));
    }
    return response.entity(outcome.result()).build();
  }
}
