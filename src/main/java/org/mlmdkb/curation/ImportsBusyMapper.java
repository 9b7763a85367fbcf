package org.mlmdkb.curation;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.mlmdkb.common.error.Problems;

/**
 * Adds Retry-After to the 503 of a full import gate; the problem itself is built as for any
 * ApiException. More specific than ProblemMapper's ApiException mapper, so it wins.
 */
public class ImportsBusyMapper {

  @ServerExceptionMapper
  public Response busy(ImportsBusyException e, UriInfo uri) {
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
