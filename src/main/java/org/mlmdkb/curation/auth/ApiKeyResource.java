package org.mlmdkb.curation.auth;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** API key management (admin only): a new key is shown once, in the creation response. */
@Path("/api/v1/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
public class ApiKeyResource {

  public record NewKeyRequest(String name, String role) {}

  public record NewKey(String name, String role, String key, OffsetDateTime createdAt) {}

  private final ApiKeyService service;

  public ApiKeyResource(ApiKeyService service) {
    this.service = service;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(NewKeyRequest request) throws SQLException {
    NewKeyRequest body = request == null ? new NewKeyRequest(null, null) : request;
    ApiKeyService.CreatedKey key = service.create(body.name(), body.role());
    return Response.created(URI.create("/api/v1/api-keys/" + key.name()))
        // The key is a secret: no cache may keep this response.
        .header("Cache-Control", "no-store")
        .entity(new NewKey(key.name(), key.role().wire(), key.key(), key.createdAt()))
        .build();
  }

  @DELETE
  @Path("{name}")
  public Response revoke(@PathParam("name") String name) throws SQLException {
    service.revoke(name);
    return Response.noContent().build();
  }
}
