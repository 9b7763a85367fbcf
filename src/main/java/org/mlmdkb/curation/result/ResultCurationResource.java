package org.mlmdkb.curation.result;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.sql.SQLException;
import org.mlmdkb.curation.RequestBodies;
import org.mlmdkb.curation.auth.AdminOnly;
import org.mlmdkb.curation.auth.Caller;
import org.mlmdkb.curation.core.CurationHistory;
import org.mlmdkb.curation.core.CurationResponses;
import org.mlmdkb.curation.core.CurationWorkflow;
import org.mlmdkb.curation.history.HistoryPage;

/**
 * Benchmark result writes (the reads are {@code benchmark.ResultResource}, which shares this path):
 * create, replace, JSON Merge Patch, soft delete and restore, and each result's change history.
 */
@Path("/api/v1/results")
@Produces(MediaType.APPLICATION_JSON)
public class ResultCurationResource {

  static final String MERGE_PATCH = "application/merge-patch+json";

  private final CurationWorkflow workflow;
  private final CurationHistory history;
  private final ResultCollection results;
  private final Caller caller;
  private final ObjectMapper json;

  public ResultCurationResource(
      CurationWorkflow workflow,
      CurationHistory history,
      ResultCollection results,
      Caller caller,
      ObjectMapper json) {
    this.workflow = workflow;
    this.history = history;
    this.results = results;
    this.caller = caller;
    this.json = json;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(ResultInput result) throws SQLException {
    return CurationResponses.created(
        workflow.create(results, RequestBodies.required(result), caller.keyName()));
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response replace(
      @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, ResultInput result)
      throws SQLException {
    return CurationResponses.ok(
        workflow.replace(results, id, RequestBodies.required(result), ifMatch, caller.keyName()));
  }

  @PATCH
  @Path("{id}")
  @Consumes(MERGE_PATCH)
  public Response patch(
      @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body)
      throws SQLException, IOException {
    return CurationResponses.ok(
        workflow.patch(
            results, id, RequestBodies.patchObject(json, body), ifMatch, caller.keyName()));
  }

  @DELETE
  @Path("{id}")
  @AdminOnly
  public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch)
      throws SQLException {
    workflow.delete(results, id, ifMatch, caller.keyName());
    return Response.noContent().build();
  }

  // An explicit regex: RESTEasy Reactive's default one consumes the whole segment, ":restore" too.
  @POST
  @Path("{id: [^/:]+}:restore")
  @AdminOnly
  public Response restore(@PathParam("id") String id) throws SQLException {
    return CurationResponses.ok(workflow.restore(results, id, caller.keyName()));
  }

  @GET
  @Path("{id}/history")
  public HistoryPage history(@PathParam("id") String id, @Context UriInfo uri) throws SQLException {
    return history.page(results, id, uri);
  }
}
