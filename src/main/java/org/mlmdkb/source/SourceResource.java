package org.mlmdkb.source;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.mlmdkb.common.query.QueryParams;

/** Where the corpus comes from, with each source's licence (attribution is a duty). */
@Path("/api/v1/sources")
@Produces(MediaType.APPLICATION_JSON)
public class SourceResource {

  private final SourceRepository sources;

  public SourceResource(SourceRepository sources) {
    this.sources = sources;
  }

  @GET
  public SourceList list(@Context UriInfo uri) {
    QueryParams.allowOnly(uri, Set.of());
    List<SourceDto> items =
        sources.listById().stream()
            .map(
                s ->
                    new SourceDto(
                        s.id,
                        s.name,
                        s.repository,
                        s.commitSha,
                        s.licence,
                        s.licenceUrl,
                        s.url,
                        s.description))
            .toList();
    return new SourceList(items);
  }

  /** One source on the wire. */
  public record SourceDto(
      String id,
      String name,
      String repository,
      String commit,
      String licence,
      String licenceUrl,
      String url,
      String description) {}

  /** Body of {@code GET /api/v1/sources}. */
  public record SourceList(List<SourceDto> items) {}
}
