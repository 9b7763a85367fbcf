package org.mlmdkb.tag;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.mlmdkb.common.query.QueryParams;
import org.mlmdkb.common.query.Slugs;
import org.mlmdkb.common.web.ReadResponses;

/** The topic taxonomy; small enough to return whole, parents before children. */
@Path("/api/v1/tags")
@Produces(MediaType.APPLICATION_JSON)
public class TagResource {

  private final TagRepository tags;
  private final TagService service;
  private final ReadResponses reads;

  public TagResource(TagRepository tags, TagService service, ReadResponses reads) {
    this.tags = tags;
    this.service = service;
    this.reads = reads;
  }

  @GET
  public JsonNode list(@Context UriInfo uri, @QueryParam("fields") String fields)
      throws SQLException {
    QueryParams.allowOnly(uri, Set.of("fields"));
    return reads.items(
        new TagList(tags.listWithCounts()), fields, TagRepository.TagDto.class, "slug");
  }

  /**
   * One live tag with its counts and a strong ETag (the one writes compare against); a matching
   * If-None-Match answers 304.
   */
  @GET
  @Path("{slug}")
  public Response get(
      @Context UriInfo uri, @PathParam("slug") String slug, @Context Request request)
      throws SQLException {
    QueryParams.allowOnly(uri, Set.of());
    TagRepository.TagDto tag = service.get(Slugs.check("slug", slug));
    return reads.conditionalGet(tag, request).build();
  }

  /** Body of {@code GET /api/v1/tags}. */
  public record TagList(List<TagRepository.TagDto> items) {}
}
