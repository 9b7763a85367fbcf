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
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.Problem;
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
      throw emptyBody();
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
    long resultId = parseId(id);
    JsonNode patch = body == null || body.isBlank() ? null : json.readTree(body);
    if (patch == null || !patch.isObject()) {
      throw emptyBody();
    }
    ResultCurationService.Written written =
        service.patch(resultId, patch, ifMatch, caller.keyName());
    return Response.ok(written.result()).tag(new EntityTag(written.etag())).build();
  }

  @DELETE
  @Path("{id}")
  @AdminOnly
  public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch)
      throws SQLException {
    service.delete(parseId(id), ifMatch, caller.keyName());
    return Response.noContent().build();
  }

  @GET
  @Path("{id}/history")
  public HistoryPage history(@PathParam("id") String id) throws SQLException {
    return new HistoryPage(service.history(parseId(id)));
  }

  static long parseId(String id) {
    if (id == null || !id.matches("\\d{1,18}")) {
      throw ApiException.badPathParameter("id", "must be a numeric result id");
    }
    return Long.parseLong(id);
  }

  private static ApiException emptyBody() {
    return new ApiException(
        400,
        "malformed-body",
        "Malformed request body",
        "The request body must be a JSON object",
        List.of(new Problem.FieldError("body", "body", "must be a JSON object")));
  }
}
