package org.mlmdkb.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

/** The shipped methods.json, as the expected answers of the board filters. */
final class SeedMethods {

  private static List<JsonNode> all;

  private SeedMethods() {}

  static synchronized List<JsonNode> all() {
    if (all == null) {
      try (InputStream in = SeedMethods.class.getResourceAsStream("/seed/methods.json")) {
        all = new ArrayList<>();
        new ObjectMapper().readTree(in).get("methods").forEach(all::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return all;
  }

  /** Slugs of the methods {@code filter} accepts. */
  static Set<String> slugsWhere(Predicate<JsonNode> filter) {
    Set<String> slugs = new TreeSet<>();
    all().stream().filter(filter).forEach(m -> slugs.add(m.get("slug").asText()));
    return slugs;
  }

  static Set<String> trainingDatasets(JsonNode method) {
    Set<String> slugs = new TreeSet<>();
    method.get("training_datasets").forEach(d -> slugs.add(d.asText()));
    return slugs;
  }

  /** {@code root} and every method whose derived_from chain reaches it. */
  static Set<String> lineage(String root) {
    Set<String> found = new HashSet<>(Set.of(root));
    Deque<String> todo = new ArrayDeque<>(List.of(root));
    while (!todo.isEmpty()) {
      String parent = todo.pop();
      for (JsonNode m : all()) {
        boolean child =
            StreamSupport.stream(m.get("derived_from").spliterator(), false)
                .anyMatch(p -> p.asText().equals(parent));
        if (child && found.add(m.get("slug").asText())) {
          todo.push(m.get("slug").asText());
        }
      }
    }
    return found;
  }

  static String text(JsonNode m, String field) {
    JsonNode v = m.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
