package org.mlmdkb.curation.paper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import org.mlmdkb.common.query.PathIds;
import org.mlmdkb.curation.RequestBodies;
import org.mlmdkb.curation.auth.AdminOnly;
import org.mlmdkb.curation.auth.Caller;
import org.mlmdkb.curation.history.HistoryRepository;

/**
 * Paper writes (the reads are {@code paper.PaperResource}, which shares this path): create, JSON
 * Merge Patch, soft delete and restore, and each paper's change history.
 */
@Path("/api/v1/papers")
@Produces(MediaType.APPLICATION_JSON)
public class PaperCurationResource {

  static final String MERGE_PATCH = "application/merge-patch+json";

  public record HistoryPage(List<HistoryRepository.Entry> items) {}

  private final PaperCurationService service;
  private final Caller caller;
  private final ObjectMapper json;

  public PaperCurationResource(PaperCurationService service, Caller caller, ObjectMapper json) {
    this.service = service;
    this.caller = caller;
    this.json = json;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(PaperInput paper) throws SQLException {
    if (paper == null) {
      throw RequestBodies.notAnObject();
    }
    PaperCurationService.Written written = service.create(paper, caller.keyName());
    return Response.created(URI.create("/api/v1/papers/" + written.paper().id()))
        .tag(new EntityTag(written.etag()))
        .entity(written.paper())
        .build();
  }

  @PATCH
  @Path("{id}")
  @Consumes(MERGE_PATCH)
  public Response patch(
      @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body)
      throws SQLException, IOException {
    long paperId = PathIds.parse("id", id, "paper");
    JsonNode patch = RequestBodies.patchObject(json, body);
    PaperCurationService.Written written = service.patch(paperId, patch, ifMatch, caller.keyName());
    return Response.ok(written.paper()).tag(new EntityTag(written.etag())).build();
  }

  @DELETE
  @Path("{id}")
  @AdminOnly
  public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch)
      throws SQLException {
    service.delete(PathIds.parse("id", id, "paper"), ifMatch, caller.keyName());
    return Response.noContent().build();
  }

  // An explicit regex: RESTEasy Reactive's default one consumes the whole segment, ":restore" too.
  @POST
  @Path("{id: [^/:]+}:restore")
  @AdminOnly
  public Response restore(@PathParam("id") String id) throws SQLException {
    PaperCurationService.Written written =
        service.restore(PathIds.parse("id", id, "paper"), caller.keyName());
    return Response.ok(written.paper()).tag(new EntityTag(written.etag())).build();
  }

  @GET
  @Path("{id}/history")
  public HistoryPage history(@PathParam("id") String id) throws SQLException {
    return new HistoryPage(service.history(PathIds.parse("id", id, "paper")));
  }
}
