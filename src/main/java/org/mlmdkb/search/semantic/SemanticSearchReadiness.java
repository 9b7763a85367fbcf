package org.mlmdkb.search.semantic;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Says where search by meaning stands, and is UP whatever it says: a model that cannot load leaves
 * keyword search, and so the instance, fully usable (mode=semantic and hybrid answer 503).
 */
@Readiness
@ApplicationScoped
public class SemanticSearchReadiness implements HealthCheck {

  private final SemanticSearch semantic;

  public SemanticSearchReadiness(SemanticSearch semantic) {
    this.semantic = semantic;
  }

  @Override
  public HealthCheckResponse call() {
    SemanticStatus s = semantic.status();
    HealthCheckResponseBuilder b =
        HealthCheckResponse.named("semantic-search")
            .up()
            .withData("state", s.state())
            .withData("default_mode", semantic.defaultMode().wire())
            .withData("items_with_vectors", s.itemsWithVectors())
            .withData("items_pending", s.itemsPending());
    if (s.model() != null) {
      b.withData("model", s.model());
    }
    if (s.detail() != null) {
      b.withData("detail", s.detail());
    }
    return b.build();
  }
}
