package org.mlmdkb.search.semantic;

/**
 * Where search by meaning stands, on /search answers, /api/v1 and readiness: {@code state} is
 * ready, embedding (the model runs, nothing is in the index yet), loading, unavailable (the model
 * failed to load; {@code detail} says why) or disabled.
 */
public record SemanticStatus(
    String state, String detail, String model, long itemsWithVectors, long itemsPending) {

  public boolean ready() {
    return "ready".equals(state);
  }
}
