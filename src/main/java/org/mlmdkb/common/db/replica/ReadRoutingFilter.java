package org.mlmdkb.common.db.replica;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Pins to the primary every write and every request carrying credentials: a curator who just wrote
 * reads the new state (and its ETag for the next If-Match) instead of a replica's older copy.
 * Anonymous reads may lag by the replica's replay delay.
 */
public class ReadRoutingFilter {

  private static final Set<String> READS = Set.of("GET", "HEAD");

  private final ReadConsistency consistency;

  public ReadRoutingFilter(ReadConsistency consistency) {
    this.consistency = consistency;
  }

  @ServerRequestFilter(preMatching = true)
  public void route(ContainerRequestContext request) {
    if (!READS.contains(request.getMethod())
        || request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
      consistency.pinToPrimary();
    }
  }
}
