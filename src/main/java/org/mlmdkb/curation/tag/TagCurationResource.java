package org.mlmdkb.curation.tag;

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
import java.net.URI;
import java.sql.SQLException;
import org.mlmdkb.curation.RequestBodies;
import org.mlmdkb.curation.auth.AdminOnly;
import org.mlmdkb.curation.auth.Caller;
import org.mlmdkb.curation.core.CurationHistory;
import org.mlmdkb.curation.core.CurationResponses;
import org.mlmdkb.curation.core.CurationWorkflow;
import org.mlmdkb.curation.history.HistoryPage;

/**
 * Tag writes (the reads are {@code tag.TagResource}, which shares this path): create, replace, JSON
 * Merge Patch, soft delete and restore, and each tag's change history.
 */
@Path("/api/v1/tags")
@Produces(MediaType.APPLICATION_JSON)
public class TagCurationResource {

  static final String MERGE_PATCH = "application/merge-patch+json";

  private final CurationWorkflow workflow;
  private final CurationHistory history;
  private final TagCollection tags;
  private final Caller caller;
  private final ObjectMapper json;

  public TagCurationResource(
      CurationWorkflow workflow,
      CurationHistory history,
      TagCollection tags,
      Caller caller,
      ObjectMapper json) {
    this.workflow = workflow;
    this.history = history;
    this.tags = tags;
    this.caller = caller;
    this.json = json;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(TagInput tag) throws SQLException {
    return CurationResponses.created(
        workflow.create(tags, RequestBodies.required(tag), caller.keyName()));
  }

  @PUT
  @Path("{slug}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response replace(
      @PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch, TagInput tag)
      throws SQLException {
    return okAt(
        workflow.replace(tags, slug, RequestBodies.required(tag), ifMatch, caller.keyName()));
  }

  @PATCH
  @Path("{slug}")
  @Consumes(MERGE_PATCH)
  public Response patch(
      @PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch, String body)
      throws SQLException, IOException {
    return okAt(
        workflow.patch(
            tags, slug, RequestBodies.patchObject(json, body), ifMatch, caller.keyName()));
  }

  @DELETE
  @Path("{slug}")
  @AdminOnly
  public Response delete(@PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch)
      throws SQLException {
    workflow.delete(tags, slug, ifMatch, caller.keyName());
    return Response.noContent().build();
  }

  // An explicit regex: RESTEasy Reactive's default one consumes the whole segment, ":restore" too.
  @POST
  @Path("{slug: [^/:]+}:restore")
  @AdminOnly
  public Response restore(@PathParam("slug") String slug) throws SQLException {
    return CurationResponses.ok(workflow.restore(tags, slug, caller.keyName()));
  }

  @GET
  @Path("{slug}/history")
  public HistoryPage history(@PathParam("slug") String slug, @Context UriInfo uri)
      throws SQLException {
    return history.page(tags, slug, uri);
  }

  /** 200 with the ETag, and Location since a PUT or PATCH may have renamed the slug. */
  private static Response okAt(CurationWorkflow.Written written) {
    return Response.fromResponse(CurationResponses.ok(written))
        .location(URI.create(written.location()))
        .build();
  }
}
