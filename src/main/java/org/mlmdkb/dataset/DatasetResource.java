package org.mlmdkb.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.BeanParam;
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
import org.mlmdkb.common.paging.Page;
import org.mlmdkb.common.paging.PageParams;
import org.mlmdkb.common.query.QueryParams;
import org.mlmdkb.common.query.Slugs;
import org.mlmdkb.common.web.ReadResponses;
import org.mlmdkb.dataset.DatasetDtos.DatasetDetail;
import org.mlmdkb.dataset.DatasetDtos.DatasetSummary;

/** Datasets with their subsets and the benchmark tasks that have results on them. */
@Path("/api/v1/datasets")
@Produces(MediaType.APPLICATION_JSON)
public class DatasetResource {

  /** The domains the schema allows (dataset.domain's CHECK). */
  public static final List<String> DOMAINS =
      List.of(
          "small-molecules",
          "materials",
          "catalysis",
          "biomolecules",
          "liquids",
          "amorphous",
          "surfaces",
          "mixed");

  private final DatasetService service;
  private final ReadResponses reads;

  public DatasetResource(DatasetService service, ReadResponses reads) {
    this.service = service;
    this.reads = reads;
  }

  @GET
  public JsonNode list(
      @Context UriInfo uri,
      @QueryParam("domain") String domain,
      @QueryParam("q") String q,
      @BeanParam PageParams page)
      throws SQLException {
    QueryParams.allowOnly(uri, Set.of("domain", "q", "limit", "cursor", "fields"));
    Page<DatasetSummary> found =
        service.list(
            QueryParams.oneOf("domain", domain, DOMAINS),
            QueryParams.text("q", q),
            page.limit(),
            page.cursor());
    return reads.items(found, page.fields(), DatasetSummary.class, "slug");
  }

  /** One dataset with a strong ETag (the one writes compare); a matching If-None-Match → 304. */
  @GET
  @Path("{slug}")
  public Response get(@PathParam("slug") String slug, @Context Request request)
      throws SQLException {
    DatasetDetail dataset = service.get(Slugs.check("slug", slug));
    return reads.conditionalGet(dataset, request).build();
  }
}
