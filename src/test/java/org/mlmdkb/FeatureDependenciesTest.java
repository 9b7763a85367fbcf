package org.mlmdkb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reads the imports (and fully qualified names) of src/main/java to keep the feature packages
 * apart: no cycle between features, and neither common/ nor curation/ depends on a feature.
 */
class FeatureDependenciesTest {

  private static final Path ROOT = Path.of("src/main/java/org/mlmdkb");
  private static final Set<String> SHARED = Set.of("common", "curation");
  private static final Pattern REFERENCE = Pattern.compile("\\borg\\.mlmdkb\\.([a-z]+)\\.");

  @Test
  void sharedPackagesDependOnNoFeature() {
    Map<String, Set<String>> graph = packageGraph();
    Map<String, Set<String>> offending = new TreeMap<>();
    for (String shared : SHARED) {
      Set<String> features = new TreeSet<>(graph.getOrDefault(shared, Set.of()));
      features.removeAll(SHARED);
      if (!features.isEmpty()) {
        offending.put(shared, features);
      }
    }
    assertEquals(Map.of(), offending, "common/ and curation/ must not import a feature");
  }

  @Test
  void featuresFormNoCycles() {
    Map<String, Set<String>> graph = packageGraph();
    SHARED.forEach(graph::remove);
    // A reader that saw no sources would find no cycle either.
    assertTrue(
        graph.keySet().containsAll(Set.of("dataset", "method", "paper", "result", "search")),
        "feature graph: " + graph);
    assertEquals(
        Set.of(),
        cycles(graph),
        "feature pairs in a dependency cycle (feature graph: " + graph + ")");
  }

  @Test
  void aCycleThroughAThirdFeatureIsFound() {
    Map<String, Set<String>> graph =
        Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
    assertEquals(Set.of("a<->b", "a<->c", "b<->c"), cycles(graph));
  }

  /** Every pair of features that reach each other, directly or through others, as "a<->b". */
  private static Set<String> cycles(Map<String, Set<String>> graph) {
    Set<String> cycles = new TreeSet<>();
    for (String a : graph.keySet()) {
      for (String b : graph.keySet()) {
        if (a.compareTo(b) < 0 && reaches(graph, a, b) && reaches(graph, b, a)) {
          cycles.add(a + "<->" + b);
        }
      }
    }
    return cycles;
  }

  private static boolean reaches(Map<String, Set<String>> graph, String from, String to) {
    Set<String> seen = new TreeSet<>();
    Deque<String> todo = new ArrayDeque<>(graph.getOrDefault(from, Set.of()));
    while (!todo.isEmpty()) {
      String next = todo.pop();
      if (next.equals(to)) {
        return true;
      }
      if (seen.add(next)) {
        todo.addAll(graph.getOrDefault(next, Set.of()));
      }
    }
    return false;
  }

  /** Top-level package → the other top-level packages its sources name. */
  private static Map<String, Set<String>> packageGraph() {
    Map<String, Set<String>> graph = new TreeMap<>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      files
          .filter(f -> f.toString().endsWith(".java") && ROOT.relativize(f).getNameCount() > 1)
          .forEach(
              f -> {
                String from = ROOT.relativize(f).getName(0).toString();
                Set<String> targets = graph.computeIfAbsent(from, k -> new TreeSet<>());
                for (String line : lines(f)) {
                  if (line.startsWith("package ")) {
                    continue;
                  }
                  Matcher m = REFERENCE.matcher(line);
                  while (m.find()) {
                    if (!m.group(1).equals(from)) {
                      targets.add(m.group(1));
                    }
                  }
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return graph;
  }

  private static Iterable<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
