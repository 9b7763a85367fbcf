package org.mlmdkb.curation;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.sql.SQLException;
import org.mlmdkb.curation.auth.AdminOnly;
import org.mlmdkb.curation.auth.Caller;

/**
 * The write endpoints every curated collection has, on the collection's own path (a subclass adds
 * only {@code @Path} and its collection): create, replace, merge patch, soft delete, restore and
 * history. Bodies are read as text and bound to the collection's input type here, because JAX-RS
 * cannot bind a body to a type variable.
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class CuratedResource<I> {

  public static final String MERGE_PATCH = "application/merge-patch+json";

  private final CurationWorkflow workflow;
  private final CurationHistory history;
  private final CuratedCollection<I> collection;
  private final Caller caller;
  private final ObjectMapper json;

  protected CuratedResource(CuratedResourceSupport support, CuratedCollection<I> collection) {
    this.workflow = support.workflow();
    this.history = support.history();
    this.collection = collection;
    this.caller = support.caller();
    this.json = support.json();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(String body) throws SQLException, IOException {
    I input = RequestBodies.object(json, body, collection.inputType());
    return CurationResponses.created(workflow.create(collection, input, caller.keyName()));
  }

  @PUT
  @Path("{ref}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response replace(
      @PathParam("ref") String ref, @HeaderParam("If-Match") String ifMatch, String body)
      throws SQLException, IOException {
    I input = RequestBodies.object(json, body, collection.inputType());
    return CurationResponses.ok(
        workflow.replace(collection, ref, input, ifMatch, caller.keyName()));
  }

  @PATCH
  @Path("{ref}")
  @Consumes(MERGE_PATCH)
  public Response patch(
      @PathParam("ref") String ref, @HeaderParam("If-Match") String ifMatch, String body)
      throws SQLException, IOException {
    return CurationResponses.ok(
        workflow.patch(
            collection, ref, RequestBodies.patchObject(json, body), ifMatch, caller.keyName()));
  }

  @DELETE
  @Path("{ref}")
  @AdminOnly
  public Response delete(@PathParam("ref") String ref, @HeaderParam("If-Match") String ifMatch)
      throws SQLException {
    workflow.delete(collection, ref, ifMatch, caller.keyName());
    return Response.noContent().build();
  }

  // An explicit regex: RESTEasy Reactive's default one consumes the whole segment, ":restore" too.
  // \G pins the search to the segment's start (see PaperResource.related), keeping it linear.
  @POST
  @Path("{ref: \\G[^/:]+}:restore")
  @AdminOnly
  public Response restore(@PathParam("ref") String ref) throws SQLException {
    return CurationResponses.ok(workflow.restore(collection, ref, caller.keyName()));
  }

  @GET
  @Path("{ref}/history")
  public HistoryPage history(
      @PathParam("ref") String ref,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @Context UriInfo uri)
      throws SQLException {
    return history.page(collection, ref, uri, authorization);
  }
}
