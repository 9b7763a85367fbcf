package org.mlmdkb.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "F1|HIGHER_IS_BETTER|SCORE",
        "DAF|HIGHER_IS_BETTER|SCORE",
        "MAE|LOWER_IS_BETTER|ERROR",
        "RMSE|LOWER_IS_BETTER|ERROR",
        "EFwT|HIGHER_IS_BETTER|RATE",
        "FPR|LOWER_IS_BETTER|RATE",
        "TP|HIGHER_IS_BETTER|COUNT",
        "missing_preds|LOWER_IS_BETTER|COUNT",
        "κ_SRME|LOWER_IS_BETTER|ERROR",
        "symmetry_match (symprec=1e-5)|HIGHER_IS_BETTER|RATE",
        "n_structures (symprec=1e-2)|NONE|COUNT",
        "spearman-tension-energy|NONE|SCORE",
        "no-such-metric|NONE|SCORE"
      })
  void knowsDirectionAndKind(String name, Metric.Direction direction, Metric.Kind kind) {
    assertEquals(new Metric(direction, kind), Metric.of(name));
  }

  @Test
  void everyMetricOfTheSeedCorpusIsInTheRegistry() throws IOException {
    Set<String> unknown = new TreeSet<>();
    try (InputStream in = getClass().getResourceAsStream("/seed/results.json")) {
      for (JsonNode r : new ObjectMapper().readTree(in).get("results")) {
        if (!Metric.isKnown(r.get("metric").asText())) {
          unknown.add(r.get("metric").asText());
        }
      }
    }
    assertTrue(unknown.isEmpty(), "metrics without semantics: " + unknown);
  }
}
