package org.mlmdkb.tag;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.mlmdkb.common.query.QueryParams;

/** The topic taxonomy; small enough to return whole, parents before children. */
@Path("/api/v1/tags")
@Produces(MediaType.APPLICATION_JSON)
public class TagResource {

  private final TagRepository tags;

  public TagResource(TagRepository tags) {
    this.tags = tags;
  }

  @GET
  public TagList list(@Context UriInfo uri) throws SQLException {
    QueryParams.allowOnly(uri, Set.of());
    return new TagList(tags.listWithCounts());
  }

  /** Body of {@code GET /api/v1/tags}. */
  public record TagList(List<TagRepository.TagDto> items) {}
}
