package org.mlmdkb.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape openapi.yaml keeps so that it stays navigable: shared components instead of inline
 * copies, one path-parameter name per collection, and the problem statuses an operation can answer
 * declared on it rather than left to {@code default}.
 */
class ContractStructureTest {

  private static final Set<String> VERBS = Set.of("get", "put", "post", "delete", "patch");
  private static final Pattern ITEM_PATH = Pattern.compile("^/api/v1/([a-z-]+)/\\{([a-z_]+)}.*");

  private static JsonNode contract;

  @BeforeAll
  static void readContract() throws IOException {
    contract = new YAMLMapper().readTree(Path.of("openapi.yaml").toFile());
  }

  @Test
  void conditionalHeadersAreTheSharedParameters() {
    List<String> inline = new ArrayList<>();
    eachOperation(
        (where, op) ->
            op.path("parameters")
                .forEach(
                    p -> {
                      String name = p.path("name").asText();
                      if (name.equals("If-Match") || name.equals("If-None-Match")) {
                        inline.add(where + " " + name);
                      }
                    }));

    assertEquals(List.of(), inline);
  }

  @Test
  void eachCollectionNamesItsItemWithOneParameter() {
    Map<String, Set<String>> names = new TreeMap<>();
    contract
        .path("paths")
        .fieldNames()
        .forEachRemaining(
            path -> {
              Matcher m = ITEM_PATH.matcher(path);
              if (m.matches()) {
                names.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
              }
            });

    names.forEach((collection, used) -> assertEquals(1, used.size(), collection + ": " + used));
  }

  @Test
  void operationsDeclareTheProblemStatusesTheirShapeImplies() {
    List<String> missing = new ArrayList<>();
    eachOperation(
        (where, op) -> {
          List<String> needed = new ArrayList<>(List.of("400"));
          if (op.has("security")) {
            needed.addAll(List.of("401", "429"));
          }
          if (op.has("requestBody")) {
            needed.addAll(List.of("413", "415"));
          }
          if (op.path("parameters").toString().contains("#/components/parameters/if_match")) {
            needed.addAll(List.of("412", "428"));
          }
          if (where.contains("{")) {
            needed.add("404");
          }
          for (String status : needed) {
            if (!op.path("responses").has(status)) {
              missing.add(where + " " + status);
            }
          }
        });

    assertEquals(List.of(), missing);
  }

  @Test
  void everyOperationHasATagTheDocumentDeclares() {
    Set<String> declared = new TreeSet<>();
    contract.path("tags").forEach(t -> declared.add(t.path("name").asText()));
    List<String> undeclared = new ArrayList<>();
    eachOperation(
        (where, op) -> {
          if (op.path("tags").isEmpty()) {
            undeclared.add(where + " (none)");
          }
          op.path("tags")
              .forEach(
                  t -> {
                    if (!declared.contains(t.asText())) {
                      undeclared.add(where + " " + t.asText());
                    }
                  });
        });

    assertEquals(List.of(), undeclared);
  }

  private static void eachOperation(BiConsumer<String, JsonNode> check) {
    contract
        .path("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fields()
                    .forEachRemaining(
                        op -> {
                          if (VERBS.contains(op.getKey())) {
                            check.accept(
                                op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
                          }
                        }));
  }
}
