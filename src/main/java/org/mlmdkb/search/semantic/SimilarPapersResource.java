package org.mlmdkb.search.semantic;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.paging.Cursor;
import org.mlmdkb.common.paging.Limits;
import org.mlmdkb.common.query.QueryParams;
import org.mlmdkb.curation.RequestBodies;
import org.mlmdkb.curation.auth.PublicRead;
import org.mlmdkb.paper.PaperFilter;
import org.mlmdkb.paper.PaperFilterParams;
import org.mlmdkb.paper.PaperSort;

/**
 * "Papers like these" (as Semantic Scholar's recommendations, on this corpus). A path segment of
 * its own ("papers:similar"), so it never meets the {ref} templates under /api/v1/papers. POST,
 * since up to a hundred example refs do not fit a URL comfortably; it changes nothing.
 */
@Path("/api/v1/papers:similar")
@Produces(MediaType.APPLICATION_JSON)
public class SimilarPapersResource {

  /** The body: papers to resemble and, optionally, papers not to. */
  public record SimilarRequest(List<String> positive, List<String> negative) {}

  private static final Set<String> PARAMETERS =
      Set.of("year", "author", "venue", "tag", "method", "dataset", "has_code", "limit", "cursor");

  private final SimilarPapers service;

  public SimilarPapersResource(SimilarPapers service) {
    this.service = service;
  }

  @POST
  @PublicRead
  @Consumes(MediaType.APPLICATION_JSON)
  public SimilarPapers.Page similar(
      @Context UriInfo uri,
      @BeanParam PaperFilterParams filters,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor,
      SimilarRequest body)
      throws SQLException {
    QueryParams.allowOnly(uri, PARAMETERS);
    if (body == null) {
      throw RequestBodies.notAnObject();
    }
    PaperFilter filter = filters.toFilter(null, PaperSort.YEAR_DESC, Limits.DEFAULT, null);
    int offset =
        cursor == null || cursor.isBlank()
            ? 0
            : offsetOf(Cursor.decode(cursor.strip(), "similar", 1).get(0));
    return service.similar(
        body.positive() == null ? List.of() : body.positive(),
        body.negative() == null ? List.of() : body.negative(),
        filter,
        Limits.check(QueryParams.integer("limit", limit)),
        offset);
  }

  private static int offsetOf(String key) {
    try {
      int offset = Integer.parseInt(key);
      if (offset >= 0 && offset <= SimilarPapers.MAX_RESULTS) {
        return offset;
      }
    } catch (NumberFormatException e) {
      // the same answer as any foreign cursor
    }
    throw ApiException.badParameter(
        "cursor", "is not a cursor this request issued; start without it");
  }
}
