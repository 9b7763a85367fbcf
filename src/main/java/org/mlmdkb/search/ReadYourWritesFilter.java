package org.mlmdkb.search;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * After a successful write (its transaction committed in the service), applies the change sequence
 * to this instance's index before the response leaves: the client's next search sees the write.
 */
public class ReadYourWritesFilter {

  private final SearchIndex index;

  public ReadYourWritesFilter(SearchIndex index) {
    this.index = index;
  }

  @ServerResponseFilter
  public void catchUpAfterWrite(
      ContainerRequestContext request, ContainerResponseContext response) {
    String method = request.getMethod();
    boolean write = !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
    if (write && response.getStatus() < 400) {
      index.catchUp();
    }
  }
}
