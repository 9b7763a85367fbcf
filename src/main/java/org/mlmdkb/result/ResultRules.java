package org.mlmdkb.result;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mlmdkb.common.error.Problem;

/**
 * Checks a result's editable state: required fields, known slugs, metric and unit, a unit that
 * agrees with the basis, plausible numbers and mandatory provenance. Returns it normalised (text
 * stripped, unit spelt as the registry spells it, status defaulting to reported) or every field at
 * fault.
 */
@ApplicationScoped
public class ResultRules {

  /**
   * Largest magnitude of a stored number (value, uncertainty, temperature): far beyond any
   * benchmark figure, and small enough that a value like 1e999999 is refused instead of being
   * expanded into a million digits on its way into a numeric column.
   */
  static final BigDecimal MAX_MAGNITUDE = new BigDecimal("1e12");

  /** Most digits after the decimal point a stored number may carry. */
  static final int MAX_SCALE = 30;

  /** The targets the contract lists for a result. */
  static final List<String> TARGETS =
      List.of(
          "energy",
          "forces",
          "stress",
          "discovery",
          "geometry",
          "thermal-conductivity",
          "phonons",
          "diatomics",
          "md",
          "eos");

  // As the schema's CHECK constraints (V002) have them.
  static final List<String> BASES = List.of("per-atom", "per-structure", "none");
  static final List<String> STATUSES = List.of("reported", "reproduced", "disputed");

  /** Errors that carry a sign: Matbench's κ_SRD is a deviation, negative when κ is too low. */
  static final java.util.Set<String> SIGNED_ERRORS = java.util.Set.of("κ_srd");

  public record Checked(ResultInput result, Unit unit, List<Problem.FieldError> errors) {}

  private final ResultWriteRepository repository;

  public ResultRules(ResultWriteRepository repository) {
    this.repository = repository;
  }

  public Checked check(ResultInput in) throws SQLException {
    List<Problem.FieldError> errors = new ArrayList<>();
    String method = text(in.method());
    if (method == null) {
      errors.add(body("method", "is required"));
    } else if (!repository.methodExists(method)) {
      errors.add(body("method", "unknown method '" + method + "'"));
    }
    String dataset = text(in.dataset());
    boolean datasetKnown = false;
    if (dataset == null) {
      errors.add(body("dataset", "is required"));
    } else if (!(datasetKnown = repository.datasetExists(dataset))) {
      errors.add(body("dataset", "unknown dataset '" + dataset + "'"));
    }
    String subset = text(in.subset());
    if (subset != null && datasetKnown && !repository.subsetExists(dataset, subset)) {
      errors.add(body("subset", "unknown subset '" + subset + "' of dataset '" + dataset + "'"));
    }
    String task = text(in.task());
    if (task == null) {
      errors.add(body("task", "is required"));
    }
    String target = text(in.target());
    if (target == null || !TARGETS.contains(target)) {
      errors.add(body("target", "must be one of " + TARGETS));
    }
    String metric = text(in.metric());
    if (metric == null) {
      errors.add(body("metric", "is required"));
    }
    // A metric the registry does not know is stored, shown and never ranked (its direction is
    // unknown), rather than refused: benchmarks keep adding metrics.
    if (in.value() == null) {
      errors.add(body("value", "is required"));
    }
    checkRange("value", in.value(), errors);
    checkRange("uncertainty", in.uncertainty(), errors);
    checkRange("temperature_k", in.temperatureK(), errors);
    Optional<Unit> unit = Unit.parse(in.unit());
    if (text(in.unit()) == null) {
      errors.add(body("unit", "is required"));
    } else if (unit.isEmpty()) {
      errors.add(body("unit", "unknown unit '" + in.unit().strip() + "'"));
    }
    if (metric != null && in.value() != null && unit.isPresent()) {
      plausibility(metric, in.value(), unit.get()).ifPresent(errors::add);
    }
    String basis = text(in.basis());
    if (basis == null || !BASES.contains(basis)) {
      errors.add(body("basis", "must be one of " + BASES));
    } else if (unit.isPresent() && contradicts(unit.get(), basis)) {
      errors.add(body("basis", "contradicts unit '" + unit.get().code() + "'"));
    }
    if (in.nTrain() != null && in.nTrain() < 1) {
      errors.add(body("n_train", "must be at least 1"));
    }
    if (in.uncertainty() != null && in.uncertainty().signum() < 0) {
      errors.add(body("uncertainty", "must not be negative"));
    }
    if (in.nRuns() != null && in.nRuns() < 1) {
      errors.add(body("n_runs", "must be at least 1"));
    }
    if (in.temperatureK() != null && in.temperatureK().compareTo(BigDecimal.ZERO) < 0) {
      errors.add(body("temperature_k", "must not be negative (kelvin)"));
    }
    String status = text(in.status()) == null ? "reported" : text(in.status());
    if (!STATUSES.contains(status)) {
      errors.add(body("status", "must be one of " + STATUSES));
    }
    String reportedOn = text(in.reportedOn());
    if (reportedOn != null) {
      try {
        LocalDate.parse(reportedOn);
      } catch (DateTimeParseException e) {
        errors.add(body("reported_on", "must be a date, YYYY-MM-DD"));
      }
    }
    if (in.paper() != null && !repository.livePaperExists(in.paper())) {
      errors.add(body("paper", "unknown paper " + in.paper()));
    }
    String source = text(in.source());
    if (source != null && !repository.sourceExists(source)) {
      errors.add(body("source", "unknown source '" + source + "'"));
    }
    String repo = text(in.repository());
    String path = text(in.path());
    if (in.paper() == null && (repo == null || path == null)) {
      errors.add(body("provenance", "give a paper, or a repository and a path"));
    }
    ResultInput normalised =
        new ResultInput(
            method,
            text(in.methodVariant()),
            dataset,
            subset,
            task,
            target,
            metric,
            in.value(),
            unit.map(Unit::code).orElse(in.unit()),
            basis,
            in.nTrain(),
            text(in.split()),
            in.uncertainty(),
            in.nRuns(),
            in.temperatureK(),
            text(in.levelOfTheory()),
            status,
            reportedOn,
            in.paper(),
            source,
            repo,
            path,
            text(in.commit()),
            text(in.location()));
    return new Checked(normalised, unit.orElse(null), errors);
  }

  /**
   * Errors and counts are never negative; a rate is a fraction in [0, 1] with unit 1 and a
   * percentage in [0, 100] with unit % (LAMBench writes some success rates as 100.0 with no unit).
   */
  static Optional<Problem.FieldError> plausibility(String metric, BigDecimal value, Unit unit) {
    Metric m = Metric.of(metric);
    boolean signed = SIGNED_ERRORS.contains(metric.strip().toLowerCase(java.util.Locale.ROOT));
    if (!signed
        && (m.kind() == Metric.Kind.ERROR || m.kind() == Metric.Kind.COUNT)
        && value.signum() < 0) {
      return Optional.of(
          body(
              "value",
              "must not be negative: '"
                  + metric
                  + "' is "
                  + (m.kind() == Metric.Kind.ERROR ? "an error" : "a count")));
    }
    if (m.kind() == Metric.Kind.RATE) {
      BigDecimal max =
          unit == Unit.PERCENT
              ? BigDecimal.valueOf(100)
              : unit == Unit.FRACTION ? BigDecimal.ONE : null;
      if (max == null) {
        return Optional.of(body("unit", "'" + metric + "' is a rate: its unit is 1 or %"));
      }
      if (value.signum() < 0 || value.compareTo(max) > 0) {
        return Optional.of(
            body(
                "value",
                "'"
                    + metric
                    + "' is a rate: with unit "
                    + unit.code()
                    + " it lies in [0, "
                    + max.toPlainString()
                    + "]"
                    + (unit == Unit.FRACTION && value.compareTo(BigDecimal.valueOf(100)) <= 0
                        ? " (a percentage needs unit %)"
                        : "")));
      }
    }
    return Optional.empty();
  }

  /** An energy per atom is only per-atom, and a per-atom basis is never a total energy. */
  private static boolean contradicts(Unit unit, String basis) {
    return unit.dimension() == Unit.Dimension.ENERGY_PER_ATOM && !basis.equals("per-atom")
        || unit.dimension() == Unit.Dimension.ENERGY && basis.equals("per-atom");
  }

  private static Problem.FieldError body(String name, String message) {
    return new Problem.FieldError(name, "body", message);
  }

  private static String text(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static void checkRange(String name, BigDecimal number, List<Problem.FieldError> errors) {
    if (number == null) {
      return;
    }
    if (number.abs().compareTo(MAX_MAGNITUDE) > 0) {
      errors.add(body(name, "must lie between -1e12 and 1e12"));
    } else if (number.signum() != 0 && number.stripTrailingZeros().scale() > MAX_SCALE) {
      errors.add(body(name, "must have at most " + MAX_SCALE + " digits after the decimal point"));
    }
  }
}
