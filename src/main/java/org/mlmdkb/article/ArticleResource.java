package org.mlmdkb.article;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.mlmdkb.article.ArticleDtos.ArticleDetail;
import org.mlmdkb.article.ArticleDtos.ArticleSummary;
import org.mlmdkb.common.paging.Limits;
import org.mlmdkb.common.paging.Page;
import org.mlmdkb.common.query.QueryParams;
import org.mlmdkb.common.query.Slugs;

/** The site's own articles (published ones only). */
@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {

  private final ArticleService service;

  public ArticleResource(ArticleService service) {
    this.service = service;
  }

  @GET
  public Page<ArticleSummary> list(
      @Context UriInfo uri,
      @QueryParam("tag") String tag,
      @QueryParam("sort") String sort,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor)
      throws SQLException {
    QueryParams.allowOnly(uri, Set.of("tag", "sort", "limit", "cursor"));
    return service.list(
        QueryParams.text("tag", tag),
        QueryParams.oneOf("sort", sort, List.of("-published_at", "published_at")),
        Limits.check(QueryParams.integer("limit", limit)),
        QueryParams.text("cursor", cursor));
  }

  @GET
  @Path("{slug}")
  public ArticleDetail get(@PathParam("slug") String slug) throws SQLException {
    return service.get(Slugs.check("slug", slug));
  }
}
