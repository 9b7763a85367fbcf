package org.mlmdkb.stats;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.Set;
import org.mlmdkb.common.query.QueryParams;
import org.mlmdkb.stats.StatsRepository.Stats;

/** Collection sizes for the frontend's home page. */
@Path("/api/v1/stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

  private final StatsRepository stats;

  public StatsResource(StatsRepository stats) {
    this.stats = stats;
  }

  @GET
  public Stats stats(@Context UriInfo uri) throws SQLException {
    QueryParams.allowOnly(uri, Set.of());
    return stats.counts();
  }
}
