package org.mlmdkb.result.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.mlmdkb.curation.ImportBodies;
import org.mlmdkb.result.ResultInput;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Maps a kgcnn per-run score file ({@code <Model>_<Dataset>_score_<trajectory>.yaml}) to an energy
 * and a force result: the test errors {@code val_energy_scaled_mean_absolute_error} and {@code
 * val_force_…} are lists with one entry per training run, imported as their mean with the
 * population standard deviation as uncertainty and the list's length as {@code n_runs}. The files
 * carry no units ({@code data_unit: ''}), so the caller states them, as the seed converter does
 * from kgcnn's README.
 */
final class KgcnnScoreReader {

  /** The file and what it does not say. */
  record Request(
      Reader body,
      String method,
      String dataset,
      String subset,
      String energyUnit,
      String forceUnit,
      Integer nTrain,
      String repository,
      String path,
      String commit) {}

  /**
   * A score of the file: its field, the result's target and basis, and the unit the caller gave.
   */
  private record Score(String field, String target, Function<Request, String> unit, String basis) {}

  private static final List<Score> SCORES =
      List.of(
          new Score(
              "val_energy_scaled_mean_absolute_error",
              "energy",
              Request::energyUnit,
              "per-structure"),
          new Score("val_force_scaled_mean_absolute_error", "forces", Request::forceUnit, "none"));

  private KgcnnScoreReader() {}

  static List<ResultRow> read(Request request, ObjectMapper json) {
    MappingNode root = parse(request.body());
    String model =
        MatbenchModelReader.scalar(MatbenchModelReader.get(root, "model_name"))
            .orElseThrow(
                () -> ImportBodies.malformed("is not a kgcnn score file: it has no model_name"));
    String trajectory =
        MatbenchModelReader.scalar(MatbenchModelReader.get(root, "trajectory_name")).orElse(null);
    String version =
        MatbenchModelReader.scalar(MatbenchModelReader.get(root, "kgcnn_version")).orElse(null);
    String method = request.method() != null ? request.method() : model.toLowerCase(Locale.ROOT);
    String subset =
        request.subset() != null
            ? request.subset()
            : trajectory == null ? null : trajectory.toLowerCase(Locale.ROOT).replace('_', '-');
    List<ResultRow> rows = new ArrayList<>();
    for (Score score : SCORES) {
      rows.add(row(root, score, method, version, subset, trajectory, request, rows.size() + 1));
    }
    return rows;
  }

  private static ResultRow row(
      MappingNode root,
      Score score,
      String method,
      String version,
      String subset,
      String trajectory,
      Request request,
      int index) {
    String field = score.field();
    String unit = score.unit().apply(request);
    Node node = MatbenchModelReader.get(root, field);
    if (!(node instanceof SequenceNode runs) || runs.getValue().isEmpty()) {
      return ResultRow.notAMeasurement(index, field, "not imported: the file has no " + field);
    }
    List<BigDecimal> values = new ArrayList<>();
    for (Node run : runs.getValue()) {
      Optional<BigDecimal> v =
          run instanceof ScalarNode s ? number(s.getValue()) : Optional.empty();
      if (v.isEmpty()) {
        return ResultRow.notAMeasurement(
            index, field, "not imported: a run's value is not a number");
      }
      values.add(v.get());
    }
    int n = values.size();
    BigDecimal mean =
        values.stream()
            .reduce(BigDecimal.ZERO, BigDecimal::add)
            .divide(BigDecimal.valueOf(n), MathContext.DECIMAL64);
    BigDecimal uncertainty = null;
    if (n > 1) {
      BigDecimal squares = BigDecimal.ZERO;
      for (BigDecimal v : values) {
        squares = squares.add(v.subtract(mean).pow(2));
      }
      uncertainty =
          squares.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128).sqrt(MathContext.DECIMAL64);
    }
    int line = node.getStartMark().getLine() + 1;
    return ResultRow.read(
        index,
        field,
        new ResultInput(
            method,
            version == null ? null : "kgcnn " + version,
            request.dataset(),
            subset,
            "energy-forces",
            score.target(),
            "MAE",
            plain(mean),
            unit,
            score.basis(),
            request.nTrain(),
            null,
            uncertainty == null ? null : plain(uncertainty),
            n,
            null,
            levelOfTheory(trajectory),
            "reproduced",
            null,
            null,
            null,
            request.repository(),
            request.path(),
            request.commit(),
            field + " (mean of " + n + " run" + (n == 1 ? "" : "s") + ", line " + line + ")"),
        List.of());
  }

  /** 2.0 → 2 and 0E-16 → 0, so a mean reads as the runs were written. */
  private static BigDecimal plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  /** Trajectory names end in their reference method: aspirin_ccsd, benzene_ccsd_t. */
  private static String levelOfTheory(String trajectory) {
    if (trajectory == null) {
      return null;
    }
    String t = trajectory.toLowerCase(Locale.ROOT);
    return t.endsWith("_ccsd_t") ? "CCSD(T)" : t.endsWith("_ccsd") ? "CCSD" : null;
  }

  private static Optional<BigDecimal> number(String text) {
    try {
      BigDecimal v = new BigDecimal(text.strip());
      return Math.abs(v.scale()) > 1000 ? Optional.empty() : Optional.of(v);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static MappingNode parse(Reader text) {
    return YamlBodies.mapping(text, "a kgcnn score file", false);
  }
}
