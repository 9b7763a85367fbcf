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
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.Problem;
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
      throw emptyBody();
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
    long paperId = parseId(id);
    JsonNode patch = body == null || body.isBlank() ? null : json.readTree(body);
    if (patch == null || !patch.isObject()) {
      throw emptyBody();
    }
    PaperCurationService.Written written = service.patch(paperId, patch, ifMatch, caller.keyName());
    return Response.ok(written.paper()).tag(new EntityTag(written.etag())).build();
  }

  @DELETE
  @Path("{id}")
  @AdminOnly
  public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch)
      throws SQLException {
    service.delete(parseId(id), ifMatch, caller.keyName());
    return Response.noContent().build();
  }

  // An explicit regex: RESTEasy Reactive's default one consumes the whole segment, ":restore" too.
  @POST
  @Path("{id: [^/:]+}:restore")
  @AdminOnly
  public Response restore(@PathParam("id") String id) throws SQLException {
    PaperCurationService.Written written = service.restore(parseId(id), caller.keyName());
    return Response.ok(written.paper()).tag(new EntityTag(written.etag())).build();
  }

  @GET
  @Path("{id}/history")
  public HistoryPage history(@PathParam("id") String id) throws SQLException {
    return new HistoryPage(service.history(parseId(id)));
  }

  private static long parseId(String id) {
    if (id == null || !id.matches("\\d{1,18}")) {
      throw ApiException.badPathParameter("id", "must be a numeric paper id");
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
