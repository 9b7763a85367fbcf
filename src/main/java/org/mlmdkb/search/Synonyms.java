package org.mlmdkb.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Curated acronyms and synonyms of the field, expanded at query time in the application so the
 * database needs no custom dictionary (managed PostgreSQL services do not allow installing one).
 * Each group lists equivalent forms; a query term equal to any form also matches every other.
 */
public final class Synonyms {

  private static final List<List<String>> GROUPS =
      List.of(
          List.of(
              "mlip",
              "mlips",
              "machine learning interatomic potential",
              "machine-learned interatomic potential",
              "machine learning potential",
              "machine-learned potential"),
          List.of("mlff", "machine learning force field", "machine-learned force field"),
          List.of("nnp", "nnps", "neural network potential"),
          List.of("hdnnp", "high-dimensional neural network potential"),
          List.of("gnn", "gnns", "graph neural network"),
          List.of("mpnn", "message passing neural network", "message passing"),
          List.of("dft", "density functional theory"),
          List.of("aimd", "ab initio molecular dynamics"),
          List.of("md", "molecular dynamics"),
          List.of("pes", "potential energy surface"),
          List.of("gp", "gaussian process"),
          List.of("gpr", "gaussian process regression"),
          List.of("uip", "universal interatomic potential", "universal potential"),
          List.of("ccsd(t)", "coupled cluster"),
          List.of("uq", "uncertainty quantification"),
          List.of("e(3)", "e3", "euclidean"),
          List.of("so(3)", "so3", "rotation equivariant"));

  private static final Map<String, List<String>> BY_FORM = new HashMap<>();

  static {
    for (List<String> group : GROUPS) {
      for (String form : group) {
        BY_FORM.put(form, group);
      }
    }
  }

  private Synonyms() {}

  /** The other forms of {@code text}, or an empty list when it has none. */
  public static List<String> of(String text) {
    String key = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    List<String> group = BY_FORM.get(key);
    if (group == null && key.endsWith("s")) {
      group = BY_FORM.get(key.substring(0, key.length() - 1));
    }
    if (group == null) {
      return List.of();
    }
    List<String> others = new ArrayList<>(group);
    others.removeIf(f -> f.equals(key));
    return others;
  }

  /** Longest number of words in a multi-word form, for matching runs of query words. */
  static int longestForm() {
    return BY_FORM.keySet().stream().mapToInt(f -> f.split(" ").length).max().orElse(1);
  }
}
