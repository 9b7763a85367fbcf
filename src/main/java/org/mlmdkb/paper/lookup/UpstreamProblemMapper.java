package org.mlmdkb.paper.lookup;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.mlmdkb.common.error.Problems;

/**
 * Adds Retry-After to the 503 of an unreachable upstream; the problem itself is built as for any
 * ApiException. More specific than ProblemMapper's ApiException mapper, so it wins.
 */
public class UpstreamProblemMapper {

  @ServerExceptionMapper
  public Response unavailable(UpstreamUnavailableException e, UriInfo uri) {
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
