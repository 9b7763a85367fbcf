package org.mlmdkb.article;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.mlmdkb.article.ArticleDtos.ArticleDetail;
import org.mlmdkb.article.ArticleDtos.ArticleSummary;
import org.mlmdkb.common.paging.Page;
import org.mlmdkb.common.paging.PageParams;
import org.mlmdkb.common.query.QueryParams;
import org.mlmdkb.common.query.Slugs;
import org.mlmdkb.common.web.ReadResponses;
import org.mlmdkb.curation.auth.UnpublishedReaders;

/** The site's own articles (published ones only, unless the caller holds an API key). */
@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {

  private final ArticleService service;
  private final UnpublishedReaders readers;
  private final ReadResponses reads;

  public ArticleResource(ArticleService service, UnpublishedReaders readers, ReadResponses reads) {
    this.service = service;
    this.readers = readers;
    this.reads = reads;
  }

  @GET
  public JsonNode list(
      @Context UriInfo uri,
      @QueryParam("tag") String tag,
      @QueryParam("sort") String sort,
      @BeanParam PageParams page)
      throws SQLException {
    QueryParams.allowOnly(uri, Set.of("tag", "sort", "limit", "cursor", "fields"));
    Page<ArticleSummary> found =
        service.list(
            QueryParams.text("tag", tag),
            QueryParams.oneOf("sort", sort, List.of("-published_at", "published_at")),
            page.limit(),
            page.cursor());
    return reads.items(found, page.fields(), ArticleSummary.class, "slug");
  }

  /**
   * With a strong ETag (the one writes compare against) and 304 for a current If-None-Match. A
   * valid API key in Authorization also shows drafts; private caching keeps a draft out of shared
   * caches.
   */
  @GET
  @Path("{slug}")
  public Response get(
      @PathParam("slug") String slug,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @Context Request request)
      throws SQLException {
    boolean drafts = readers.mayReadUnpublished(authorization);
    ArticleDetail article = service.get(Slugs.check("slug", slug), drafts);
    Response.ResponseBuilder response = reads.conditionalGet(article, request);
    if (drafts) {
      response.header(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }
    return response.build();
  }
}
