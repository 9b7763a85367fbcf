package org.mlmdkb.curation;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.sql.SQLException;

/** The whole public corpus as one streamed JSON document. */
@Path("/api/v1/dump")
public class DumpResource {

  private final CorpusDump dump;

  public DumpResource(CorpusDump dump) {
    this.dump = dump;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response dump() {
    StreamingOutput body =
        out -> {
          try {
            dump.writeTo(out);
          } catch (SQLException e) {
            // Headers are gone by now; failing the stream is all that is left to do.
            throw new IOException("Corpus dump failed", e);
          }
        };
    return Response.ok(body)
        .header("Content-Disposition", "attachment; filename=\"mlmd-kb-dump.json\"")
        .build();
  }
}
