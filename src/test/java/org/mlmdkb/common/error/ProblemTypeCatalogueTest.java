package org.mlmdkb.common.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The problem types of openapi.yaml's catalogue and of {@link ProblemType} are the same list. */
class ProblemTypeCatalogueTest {

  // | `urn:mlmd-kb:problem:conflict` | 409 | Conflict | meaning |
  private static final Pattern ROW =
      Pattern.compile("^\\| `(urn:mlmd-kb:problem:[a-z-]+)` \\| ([0-9, ]+) \\| ([^|]+) \\|.*$");

  private static JsonNode catalogue;

  @BeforeAll
  static void readContract() throws IOException {
    catalogue =
        new YAMLMapper()
            .readTree(Path.of("openapi.yaml").toFile())
            .path("components")
            .path("schemas")
            .path("ProblemType");
  }

  @Test
  void theContractEnumeratesExactlyTheTypesOfTheEnum() {
    Set<String> inContract =
        StreamSupport.stream(catalogue.path("enum").spliterator(), false)
            .map(JsonNode::asText)
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> inCode =
        Arrays.stream(ProblemType.values())
            .map(ProblemType::uri)
            .collect(Collectors.toCollection(TreeSet::new));

    assertEquals(inCode, inContract);
  }

  @Test
  void theContractProblemSchemaTakesItsTypeFromTheCatalogue() throws IOException {
    JsonNode type =
        new YAMLMapper()
            .readTree(Path.of("openapi.yaml").toFile())
            .at("/components/schemas/Problem/properties/type");

    assertEquals("#/components/schemas/ProblemType", type.path("$ref").asText());
  }

  @Test
  void theContractTableGivesEachTypeTheStatusesAndTitleOfTheEnum() {
    Map<String, String> inContract = new LinkedHashMap<>();
    for (String line : catalogue.path("description").asText().split("\n")) {
      Matcher row = ROW.matcher(line);
      if (row.matches()) {
        inContract.put(row.group(1), row.group(2).trim() + " " + row.group(3).trim());
      }
    }
    Map<String, String> inCode = new LinkedHashMap<>();
    for (ProblemType t : ProblemType.values()) {
      inCode.put(
          t.uri(),
          t.statuses().stream().map(String::valueOf).collect(Collectors.joining(", "))
              + " "
              + t.title());
    }

    assertEquals(List.copyOf(inCode.entrySet()), List.copyOf(inContract.entrySet()));
  }
}
