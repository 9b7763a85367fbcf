package org.mlmdkb.search;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness is DOWN, with the reason, while the index is rebuilt or cannot be opened. */
@Readiness
@ApplicationScoped
public class SearchIndexReadiness implements HealthCheck {

  private final SearchIndex index;

  public SearchIndexReadiness(SearchIndex index) {
    this.index = index;
  }

  @Override
  public HealthCheckResponse call() {
    String state = index.state();
    return HealthCheckResponse.named("search-index")
        .status("ready".equals(state))
        .withData("state", state)
        .build();
  }
}
