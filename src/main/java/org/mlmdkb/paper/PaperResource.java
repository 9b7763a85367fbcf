package org.mlmdkb.paper;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
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
import java.util.Optional;
import java.util.Set;
import org.mlmdkb.common.paging.Limits;
import org.mlmdkb.common.paging.Page;
import org.mlmdkb.common.paging.PageParams;
import org.mlmdkb.common.query.QueryParams;
import org.mlmdkb.common.web.ReadResponses;
import org.mlmdkb.paper.PaperDtos.PaperDetail;
import org.mlmdkb.paper.PaperDtos.PaperSummary;
import org.mlmdkb.paper.PaperDtos.RelatedList;
import org.mlmdkb.paper.citation.CitationExporter;
import org.mlmdkb.paper.citation.CitationFormat;

/** Research papers: a filtered, keyset-paged list and single papers by id, DOI or arXiv id. */
@Path("/api/v1/papers")
@Produces(MediaType.APPLICATION_JSON)
public class PaperResource {

  private static final Set<String> LIST_PARAMETERS =
      QueryParams.union(
          PaperFilterParams.PARAMETERS,
          Set.of("q", "sort", "limit", "cursor", "fields", "format", "mode"));

  static final String SEARCH_MODE_HEADER = "Search-Mode";

  private final PaperService service;
  private final ReadResponses reads;
  private final CitationExporter exporter;

  public PaperResource(PaperService service, ReadResponses reads, CitationExporter exporter) {
    this.service = service;
    this.reads = reads;
    this.exporter = exporter;
  }

  @GET
  @Produces({
    MediaType.APPLICATION_JSON,
    CitationFormat.BIBTEX_TYPE,
    CitationFormat.CSL_JSON_TYPE,
    CitationFormat.RIS_TYPE
  })
  public Response list(
      @Context UriInfo uri,
      @Context HttpHeaders headers,
      @QueryParam("q") String q,
      @BeanParam PaperFilterParams filters,
      @QueryParam("sort") String sort,
      @BeanParam PageParams paging,
      @QueryParam("format") String format,
      @QueryParam("mode") String mode)
      throws SQLException {
    QueryParams.allowOnly(uri, LIST_PARAMETERS);
    String sortParameter = QueryParams.oneOf("sort", sort, PaperSort.parameters());
    String text = QueryParams.text("q", q);
    String searchMode = searchMode(text, mode);
    // Without q every paper is equally relevant: relevance then means the default order, so
    // each documented sort value is valid on its own, as the contract says.
    boolean byRelevance =
        text != null && (sortParameter == null || "relevance".equals(sortParameter));
    PaperFilter filter =
        filters.toFilter(
            text,
            byRelevance
                ? PaperSort.RELEVANCE
                : sortParameter != null && !"relevance".equals(sortParameter)
                    ? PaperSort.fromParameter(sortParameter)
                    : PaperSort.YEAR_DESC,
            paging.limit(),
            paging.cursor());
    Optional<CitationFormat> export =
        CitationFormat.negotiate(format, headers.getAcceptableMediaTypes());
    Page<PaperSummary> page = service.list(filter, searchMode);
    if (export.isPresent()) {
      // An export is one page too; the next one is announced in a Link header.
      List<Long> ids = page.items().stream().map(PaperSummary::id).toList();
      Response.ResponseBuilder response =
          Response.ok(exporter.render(ids, export.get()), export.get().contentType());
      if (page.nextCursor() != null) {
        response.link(
            uri.getRequestUriBuilder().replaceQueryParam("cursor", page.nextCursor()).build(),
            "next");
      }
      return withMode(response, searchMode).build();
    }
    return withMode(
            Response.ok(
                reads.select(
                    page, QueryParams.list("fields", paging.fields()), PaperFields.SELECTABLE)),
            searchMode)
        .build();
  }

  /**
   * The mode q ranks in; null without q. A valid mode without q is accepted and has nothing to rank
   * (a page with a mode switch sends it whether or not the search box is filled).
   */
  private String searchMode(String text, String mode) {
    String requested = QueryParams.oneOf("mode", mode, service.searchModes());
    if (text == null) {
      return null;
    }
    return service.searchMode(requested);
  }

  /** Which mode ranked the list: the response says so, as /search's body does. */
  private static Response.ResponseBuilder withMode(Response.ResponseBuilder response, String mode) {
    return mode == null ? response : response.header(SEARCH_MODE_HEADER, mode);
  }

  /**
   * Literal "/related" makes this path more specific than the plain {ref} one. RESTEasy searches
   * for the template's regex from every position of the path; \G pins it to where the segment
   * starts, so a long path that is not a "/related" one fails in linear, not quadratic, time.
   */
  @GET
  @Path("{ref: \\G.+}/related")
  public RelatedList related(
      @Context UriInfo uri, @PathParam("ref") String ref, @QueryParam("limit") String limit)
      throws SQLException {
    QueryParams.allowOnly(uri, Set.of("limit"));
    return service.related(ref, Limits.check(QueryParams.integer("limit", limit)));
  }

  /**
   * JSON or a citation format, with a strong ETag of that representation; a matching If-None-Match
   * answers 304.
   */
  @GET
  @Path("{ref: \\G.+}")
  @Produces({
    MediaType.APPLICATION_JSON,
    CitationFormat.BIBTEX_TYPE,
    CitationFormat.CSL_JSON_TYPE,
    CitationFormat.RIS_TYPE
  })
  public Response get(
      @PathParam("ref") String ref,
      @QueryParam("format") String format,
      @Context HttpHeaders headers,
      @Context Request request)
      throws SQLException {
    Optional<CitationFormat> export =
        CitationFormat.negotiate(format, headers.getAcceptableMediaTypes());
    PaperDetail paper = service.get(ref);
    Object body = export.isPresent() ? exporter.render(List.of(paper.id()), export.get()) : paper;
    Response.ResponseBuilder response = reads.conditionalGet(body, request);
    export.ifPresent(f -> response.type(f.contentType()));
    return response.build();
  }
}
