package org.mlmdkb.search;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.mlmdkb.common.error.Problems;

/** Adds Retry-After to the search 503; more specific than ProblemMapper's, so it wins. */
public class SearchProblemMapper {

  @ServerExceptionMapper
  public Response unavailable(SearchUnavailableException e, UriInfo uri) {
    Response problem =
        Problems.response(
            Problems.problem(
                e.type(),
                e.status(),
                e.getMessage(),
                uri == null ? null : uri.getRequestUri().getRawPath(),
                e.errors()));
    return Response.fromResponse(problem)
        .header("Retry-After", Integer.toString(e.retryAfterSeconds()))
        .build();
  }
}
