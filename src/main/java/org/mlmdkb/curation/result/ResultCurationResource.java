package org.mlmdkb.curation.result;

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
 * Benchmark result writes (the reads are {@code benchmark.ResultResource}, which shares this path):
 * create, JSON Merge Patch, delete, and each result's change history.
 */
@Path("/api/v1/results")
@Produces(MediaType.APPLICATION_JSON)
public class ResultCurationResource {

  static final String MERGE_PATCH = "application/merge-patch+json";

  public record HistoryPage(List<HistoryRepository.Entry> items) {}

  private final ResultCurationService service;
  private final Caller caller;
  private final ObjectMapper json;

  public ResultCurationResource(ResultCurationService service, Caller caller, ObjectMapper json) {
    this.service = service;
    this.caller = caller;
    this.json = json;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(ResultInput result) throws SQLException {
    if (result == null) {
      throw RequestBodies.notAnObject();
    }
    ResultCurationService.Written written = service.create(result, caller.keyName());
    return Response.created(URI.create("/api/v1/results/" + written.result().id()))
        .tag(new EntityTag(written.etag()))
        .entity(written.result())
        .build();
  }

  @PATCH
  @Path("{id}")
  @Consumes(MERGE_PATCH)
  public Response patch(
      @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body)
      throws SQLException, IOException {
    long resultId = PathIds.parse("id", id, "result");
    JsonNode patch = RequestBodies.patchObject(json, body);
    ResultCurationService.Written written =
        service.patch(resultId, patch, ifMatch, caller.keyName());
    return Response.ok(written.result()).tag(new EntityTag(written.etag())).build();
  }

  @DELETE
  @Path("{id}")
  @AdminOnly
  public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch)
      throws SQLException {
    service.delete(PathIds.parse("id", id, "result"), ifMatch, caller.keyName());
    return Response.noContent().build();
  }

  @GET
  @Path("{id}/history")
  public HistoryPage history(@PathParam("id") String id) throws SQLException {
    return new HistoryPage(service.history(PathIds.parse("id", id, "result")));
  }
}
