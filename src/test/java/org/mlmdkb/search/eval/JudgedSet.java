package org.mlmdkb.search.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The judged query set of {@code src/bench/search-eval/}: {@code queries.tsv} (id, category, query)
 * and {@code qrels.tsv} (query id, grade, seed key, DOI, arXiv id, title).
 */
public record JudgedSet(List<JudgedQuery> queries) {

  public static final Path DEFAULT_DIR = Path.of("src", "bench", "search-eval");

  public JudgedSet {
    queries = List.copyOf(queries);
  }

  public static JudgedSet load(Path dir) {
    Map<String, Map<String, Integer>> grades = new LinkedHashMap<>();
    for (String[] row : rows(dir.resolve("qrels.tsv"), 6)) {
      Integer previous =
          grades.computeIfAbsent(row[0], id -> new LinkedHashMap<>()).put(row[2], grade(row));
      if (previous != null) {
        throw new IllegalStateException("paper " + row[2] + " judged twice for " + row[0]);
      }
    }
    List<JudgedQuery> queries = new ArrayList<>();
    for (String[] row : rows(dir.resolve("queries.tsv"), 3)) {
      queries.add(new JudgedQuery(row[0], row[1], row[2], grades.getOrDefault(row[0], Map.of())));
    }
    return new JudgedSet(queries);
  }

  /** Categories in the order they first appear in the file. */
  public List<String> categories() {
    LinkedHashSet<String> categories = new LinkedHashSet<>();
    queries.forEach(q -> categories.add(q.category()));
    return List.copyOf(categories);
  }

  private static int grade(String[] row) {
    int grade = Integer.parseInt(row[1]);
    if (grade < 0 || grade > 2) {
      throw new IllegalStateException("grade must be 0, 1 or 2: " + String.join("\t", row));
    }
    return grade;
  }

  private static List<String[]> rows(Path file, int columns) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      List<String[]> rows = new ArrayList<>();
      // The first line is the header.
      for (String line : lines.subList(1, lines.size())) {
        if (line.isBlank()) {
          continue;
        }
        String[] cells = line.split("\t", -1);
        if (cells.length != columns) {
          throw new IllegalStateException(file + ": expected " + columns + " columns: " + line);
        }
        rows.add(cells);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
