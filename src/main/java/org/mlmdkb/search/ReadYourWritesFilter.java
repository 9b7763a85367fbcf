package org.mlmdkb.search;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * After a successful write (its transaction committed in the service), counts it for the index's
 * read-your-writes watermark: the client's next search waits until the write is applied, while the
 * write's response leaves without waiting for the index.
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
      index.writeCommitted();
    }
  }
}
