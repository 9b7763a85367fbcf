package org.mlmdkb.curation.auth;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.mlmdkb.common.error.Problems;

/**
 * Reads are public (GET, HEAD, OPTIONS and endpoints marked {@link PublicRead}); every other method
 * on any endpoint needs a valid, unrevoked API key (401), and endpoints marked {@link AdminOnly}
 * need an ADMIN key (403). Runs after routing, so an unknown path is still a 404 and the endpoint's
 * annotations are known. Deliberately no path test: the raw path may be percent-encoded ({@code
 * /%61pi/v1/...}) and still route to a write endpoint.
 */
public class ApiKeyFilter {

  static final String CHALLENGE = "Bearer realm=\"mlmd-kb\"";
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private final Authenticator keys;
  private final Caller caller;

  public ApiKeyFilter(Authenticator keys, Caller caller) {
    this.keys = keys;
    this.caller = caller;
  }

  @ServerRequestFilter
  public Response authenticate(ContainerRequestContext request, ResourceInfo resource)
      throws SQLException {
    String path = request.getUriInfo().getPath();
    if (SAFE_METHODS.contains(request.getMethod()) || isPublicRead(resource)) {
      return null;
    }
    Optional<ApiKeyRepository.KeyRow> key =
        keys.authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    if (key.isEmpty()) {
      return Response.fromResponse(
              Problems.response(
                  Problems.forStatus(
                      401,
                      "This request needs a valid API key: Authorization: Bearer <key>",
                      path)))
          .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
          .build();
    }
    if (needsAdmin(resource) && key.get().role() != Role.ADMIN) {
      return Problems.response(
          Problems.forStatus(403, "This request needs an API key with the admin role", path));
    }
    caller.authenticate(key.get().name(), key.get().role());
    return null;
  }

  private static boolean isPublicRead(ResourceInfo resource) {
    return resource.getResourceMethod() != null
        && resource.getResourceMethod().isAnnotationPresent(PublicRead.class);
  }

  private static boolean needsAdmin(ResourceInfo resource) {
    return resource.getResourceMethod() != null
            && resource.getResourceMethod().isAnnotationPresent(AdminOnly.class)
        || resource.getResourceClass() != null
            && resource.getResourceClass().isAnnotationPresent(AdminOnly.class);
  }
}
