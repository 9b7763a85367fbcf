package org.mlmdkb.result.imports;

import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.mlmdkb.curation.ImportBodies;
import org.mlmdkb.result.ResultInput;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.comments.CommentLine;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Maps a Matbench Discovery model YAML ({@code models/<family>/<model>.yml}) to results exactly as
 * the seed converter {@code src/seed-tools/results.mjs} does: method = {@code model_key}, one
 * result per metric of the {@code metrics:} blocks, with the dataset, target, unit and basis that
 * converter establishes (see its {@code MATBENCH_METRICS} for the reasoning behind each unit).
 * Metrics whose unit the source does not establish are not imported, as in the seed.
 *
 * <p>Read with SnakeYAML's node graph, never constructed into objects, so the file cannot name Java
 * types; node positions give the line of each value for the provenance.
 */
final class MatbenchModelReader {

  static final String SOURCE = "matbench-discovery";

  /** A metric's unit, basis and target; {@link #NO_UNIT} where the source does not state one. */
  private record Spec(String unit, String basis, String target) {}

  private static final Spec NO_UNIT = new Spec(null, null, null);

  private static final Map<String, Map<String, Spec>> METRICS =
      Map.of(
          "discovery",
          block(
              specs(
                  "discovery",
                  "1",
                  "none",
                  "F1",
                  "DAF",
                  "Precision",
                  "Recall",
                  "Accuracy",
                  "TPR",
                  "FPR",
                  "TNR",
                  "FNR",
                  "R2"),
              specs("discovery", "count", "none", "TP", "FP", "TN", "FN", "missing_preds"),
              specs("discovery", "eV/atom", "per-atom", "MAE", "RMSE")),
          "geo_opt",
          block(
              specs(
                  "geometry",
                  "1",
                  "none",
                  "n_sym_ops_mae",
                  "symmetry_decrease",
                  "symmetry_match",
                  "symmetry_increase"),
              specs("geometry", "count", "none", "n_structures"),
              unstated("rmsd")),
          "phonons",
          block(
              specs(
                  "thermal-conductivity",
                  "1",
                  "none",
                  "κ_SRME",
                  "κ_SRE",
                  "κ_SRD",
                  "κ_failure_rate"),
              specs("phonons", "1", "none", "imaginary_mode_rate"),
              unstated("spectrum_w1")),
          "diatomics",
          block(
              specs(
                  "diatomics",
                  "eV",
                  "per-structure",
                  "pbe_energy_mae",
                  "pbe_well_depth_error",
                  "energy_jump"),
              specs(
                  "diatomics",
                  "eV/Å",
                  "none",
                  "pbe_force_mae",
                  "force_jump",
                  "force_total_variation"),
              specs("diatomics", "Å", "none", "pbe_wall_dist_mae", "pbe_bond_length_error"),
              specs("diatomics", "cm⁻¹", "none", "pbe_vib_freq_error"),
              specs("diatomics", "1", "none", "tortuosity", "energy_diff_flips", "force_flips")),
          "md",
          block(
              specs("md", "meV/atom", "per-atom", "energy_rmse"),
              specs("md", "meV/Å", "none", "force_rmse"),
              specs("md", "%", "none", "rdf_error", "pressure_error"),
              specs("md", "GPa", "none", "pressure_mae", "pressure_wasserstein"),
              specs("md", "count", "none", "n_systems"),
              unstated("adf_error", "vdos_error")));

  /** Keys inside metric blocks that are not metrics. */
  private static final Set<String> NON_METRICS =
      Set.of(
          "pred_file",
          "pred_file_url",
          "pred_col",
          "struct_col",
          "hardware",
          "run_time_sec",
          "analysis_file",
          "analysis_file_url",
          "excluded_formula_reasons");

  /** The units the discovery blocks write as inline comments, checked against the table. */
  private static final Map<String, String> COMMENT_UNIT =
      Map.of("fraction", "1", "dimensionless", "1", "count", "count", "eV/atom", "eV/atom");

  private static final Map<String, String> WBM_SUBSET =
      Map.of(
          "full_test_set", "full-test-set",
          "most_stable_10k", "most-stable-10k",
          "unique_prototypes", "unique-prototypes");

  private static final Map<String, String> BLOCK_DATASET =
      Map.of(
          "discovery", "wbm",
          "geo_opt", "wbm",
          "phonons", "matbench-discovery-kappa-103",
          "diatomics", "matbench-discovery-diatomics",
          "md", "matbench-discovery-md");

  // YAML 1.2's decimal numbers (the seed converter reads the files with YAML 1.2).
  private static final Pattern NUMBER =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

  /** Provenance given with the file: the source's repository, the file's path and commit. */
  record Origin(String repository, String path, String commit) {}

  private final Origin origin;
  private final List<ResultRow> rows = new ArrayList<>();
  private String method;
  private String reportedOn;

  private MatbenchModelReader(Origin origin) {
    this.origin = origin;
  }

  /** The metrics of one block that share a target, unit and basis. */
  private static Map<String, Spec> specs(
      String target, String unit, String basis, String... metrics) {
    Spec spec = new Spec(unit, basis, target);
    return Arrays.stream(metrics).collect(Collectors.toMap(m -> m, m -> spec));
  }

  /** Metrics the source gives no unit for: recognised, then skipped with that reason. */
  private static Map<String, Spec> unstated(String... metrics) {
    return Arrays.stream(metrics).collect(Collectors.toMap(m -> m, m -> NO_UNIT));
  }

  /** One block's metrics; a metric named twice fails at class load, as Map.ofEntries did. */
  @SafeVarargs
  private static Map<String, Spec> block(Map<String, Spec>... groups) {
    Map<String, Spec> all = new HashMap<>();
    for (Map<String, Spec> group : groups) {
      group.forEach(
          (metric, spec) -> {
            if (all.put(metric, spec) != null) {
              throw new IllegalStateException("metric listed twice: " + metric);
            }
          });
    }
    return Map.copyOf(all);
  }

  static List<ResultRow> read(Reader text, Origin origin) {
    MappingNode root = parse(text);
    MatbenchModelReader reader = new MatbenchModelReader(origin);
    reader.method =
        scalar(get(root, "model_key"))
            .orElseThrow(() -> ImportBodies.malformed("is not a model YAML: it has no model_key"));
    Node dates = get(root, "dates");
    // Older files group the dates under "dates:", newer ones write date_added at the top level.
    reader.reportedOn =
        scalar(get(dates, "benchmark_added"))
            .or(() -> scalar(get(dates, "paper_published")))
            .or(() -> scalar(get(root, "date_added")))
            .or(() -> scalar(get(root, "date_published")))
            .orElse(null);
    if (get(root, "metrics") instanceof MappingNode metrics) {
      reader.readMetrics(metrics);
    }
    NewMethod described = MatbenchModelMethod.describe(root, reader.method, origin.path());
    return reader.rows.stream().map(r -> r.describing(described)).toList();
  }

  private static MappingNode parse(Reader text) {
    return YamlBodies.mapping(text, "a model YAML", true);
  }

  private void readMetrics(MappingNode metrics) {
    for (NodeTuple t : metrics.getValue()) {
      String block = keyOf(t);
      if (!(t.getValueNode() instanceof MappingNode content)) {
        continue;
      }
      if (!METRICS.containsKey(block)) {
        skip("metrics." + block, "unknown Matbench Discovery block '" + block + "'");
        continue;
      }
      switch (block) {
        case "discovery" -> {
          for (NodeTuple s : content.getValue()) {
            String subset = keyOf(s);
            if (NON_METRICS.contains(subset)) {
              continue;
            }
            if (!WBM_SUBSET.containsKey(subset)) {
              skip("metrics.discovery." + subset, "unknown discovery subset '" + subset + "'");
              continue;
            }
            eachMetric(
                s, m -> emit(block, List.of(block, subset), m, WBM_SUBSET.get(subset), null));
          }
        }
        case "geo_opt" -> {
          for (NodeTuple s : content.getValue()) {
            String symprec = keyOf(s);
            if (!NON_METRICS.contains(symprec)) {
              eachMetric(s, m -> emit(block, List.of(block, symprec), m, null, symprec));
            }
          }
        }
        case "phonons" -> {
          for (NodeTuple s : content.getValue()) {
            String set = keyOf(s);
            if (!set.equals("kappa_103")) {
              skip("metrics.phonons." + set, "unknown phonons set '" + set + "'");
              continue;
            }
            eachMetric(s, m -> emit(block, List.of(block, set), m, null, null));
          }
        }
        default -> eachMetric(t, m -> emit(block, List.of(block), m, null, null));
      }
    }
  }

  private static void eachMetric(NodeTuple parent, Consumer<NodeTuple> emit) {
    if (parent.getValueNode() instanceof MappingNode metrics) {
      for (NodeTuple m : metrics.getValue()) {
        if (!NON_METRICS.contains(keyOf(m))) {
          emit.accept(m);
        }
      }
    }
  }

  private void emit(
      String block, List<String> path, NodeTuple entry, String subset, String qualifier) {
    String metric = keyOf(entry);
    String location = "metrics." + String.join(".", path) + "." + metric;
    Node node = entry.getValueNode();
    if (!(node instanceof ScalarNode scalar)
        || scalar.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN
        || !NUMBER.matcher(scalar.getValue()).matches()) {
      skip(location, "not imported: the value is not a number");
      return;
    }
    Spec spec = METRICS.get(block).get(metric);
    if (spec == null) {
      skip(location, "not imported: unknown Matbench Discovery metric " + block + "." + metric);
      return;
    }
    if (spec == NO_UNIT) {
      skip(location, "not imported: the source does not establish the unit of " + metric);
      return;
    }
    String comment = inlineComment(entry);
    if (comment != null
        && COMMENT_UNIT.containsKey(comment)
        && !COMMENT_UNIT.get(comment).equals(spec.unit())) {
      skip(location, "not imported: inline comment '" + comment + "' contradicts " + spec.unit());
      return;
    }
    int line = node.getStartMark().getLine() + 1;
    rows.add(
        ResultRow.read(
            rows.size() + 1,
            location,
            new ResultInput(
                method,
                null,
                BLOCK_DATASET.get(block),
                subset,
                block,
                spec.target(),
                qualifier == null ? metric : metric + " (" + qualifier + ")",
                new BigDecimal(scalar.getValue()),
                spec.unit(),
                spec.basis(),
                null,
                null,
                null,
                null,
                null,
                null,
                "reported",
                reportedOn,
                null,
                SOURCE,
                origin.repository(),
                origin.path(),
                origin.commit(),
                location + " (line " + line + ")"),
            List.of()));
  }

  private void skip(String location, String reason) {
    rows.add(ResultRow.notAMeasurement(rows.size() + 1, location, reason));
  }

  /** The comment after a value on its line, wherever SnakeYAML attached it. */
  private static String inlineComment(NodeTuple entry) {
    for (Node n : List.of(entry.getValueNode(), entry.getKeyNode())) {
      List<CommentLine> comments = n.getInLineComments();
      if (comments != null && !comments.isEmpty()) {
        return comments.get(0).getValue().strip();
      }
    }
    return null;
  }

  static Node get(Node mapping, String key) {
    if (mapping instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        if (key.equals(keyOf(t))) {
          return t.getValueNode();
        }
      }
    }
    return null;
  }

  static Optional<String> scalar(Node node) {
    return node instanceof ScalarNode s && !s.getValue().isBlank()
        ? Optional.of(s.getValue().strip())
        : Optional.empty();
  }

  private static String keyOf(NodeTuple t) {
    return t.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(t.getKeyNode());
  }
}
