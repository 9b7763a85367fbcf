package org.mlmdkb.search.semantic;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A model that cannot load: src/test/resources/broken-model.onnx is text, which ONNX Runtime
 * refuses. Hybrid is the default here, as in production, to see it fall back to keyword search.
 */
public class BrokenModelProfile implements QuarkusTestProfile {

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("kb.search.semantic.model", "broken-model", "kb.search.default-mode", "hybrid");
  }
}
