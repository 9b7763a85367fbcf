package org.mlmdkb.result;

import static org.mlmdkb.curation.BodyChecks.body;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.metric.Dimension;
import org.mlmdkb.metric.Metric;
import org.mlmdkb.metric.MetricRegistry;
import org.mlmdkb.metric.Plausibility;
import org.mlmdkb.metric.Unit;

/**
 * Checks a result's editable state: required fields, known slugs, a registered metric, a unit of
 * the metric's dimension that agrees with the basis, a value in the metric's range and mandatory
 * provenance. Returns it normalised (text stripped, unit spelt as codes spell it, status defaulting
 * to reported) or every field at fault.
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

  public record Checked(ResultInput result, Unit unit, List<Problem.FieldError> errors) {}

  /**
   * What the rules ask the corpus, by stripped slug or id. A single write asks the database once
   * per question; an import answers from sets it read for all its rows at once.
   */
  public interface Lookups {
    boolean methodExists(String slug) throws SQLException;

    boolean datasetExists(String slug) throws SQLException;

    boolean subsetExists(String dataset, String subset) throws SQLException;

    /** The live metric a result's metric is filed under, share-locked until the commit. */
    Optional<Metric> metric(String resultMetric) throws SQLException;

    boolean livePaperExists(long id) throws SQLException;

    boolean sourceExists(String id) throws SQLException;
  }

  private final Lookups single;

  public ResultRules(ResultWriteRepository repository, MetricRegistry metrics) {
    this.single =
        new Lookups() {
          @Override
          public boolean methodExists(String slug) throws SQLException {
            return repository.methodExists(slug);
          }

          @Override
          public boolean datasetExists(String slug) throws SQLException {
            return repository.datasetExists(slug);
          }

          @Override
          public boolean subsetExists(String dataset, String subset) throws SQLException {
            return repository.subsetExists(dataset, subset);
          }

          @Override
          public Optional<Metric> metric(String resultMetric) throws SQLException {
            return metrics.forResultWrite(resultMetric);
          }

          @Override
          public boolean livePaperExists(long id) throws SQLException {
            return repository.livePaperExists(id);
          }

          @Override
          public boolean sourceExists(String id) throws SQLException {
            return repository.sourceExists(id);
          }
        };
  }

  /** The look-ups of a single write, one query per question. */
  public Lookups singleLookups() {
    return single;
  }

  public Checked check(ResultInput in) throws SQLException {
    return check(in, single);
  }

  /** As {@link #check(ResultInput)}, answering the corpus questions from {@code corpus}. */
  public Checked check(ResultInput in, Lookups corpus) throws SQLException {
    List<Problem.FieldError> errors = new ArrayList<>();
    String method = text(in.method());
    if (method == null) {
      errors.add(body("method", "is required"));
    } else if (!corpus.methodExists(method)) {
      errors.add(body("method", "unknown method '" + method + "'"));
    }
    String dataset = text(in.dataset());
    boolean datasetKnown = false;
    if (dataset == null) {
      errors.add(body("dataset", "is required"));
    } else if (!(datasetKnown = corpus.datasetExists(dataset))) {
      errors.add(body("dataset", "unknown dataset '" + dataset + "'"));
    }
    String subset = text(in.subset());
    if (subset != null && datasetKnown && !corpus.subsetExists(dataset, subset)) {
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
    Optional<Metric> registered = metric == null ? Optional.empty() : corpus.metric(metric);
    if (metric == null) {
      errors.add(body("metric", "is required"));
    } else if (registered.isEmpty()) {
      errors.add(
          body(
              "metric",
              "'"
                  + metric
                  + "' is not in the metric registry; a curator registers it with POST"
                  + " /api/v1/metrics (name '"
                  + Metric.key(metric)
                  + "', kind, direction, dimension, min, max), or use a listed one (GET"
                  + " /api/v1/metrics)"));
    }
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
      errors.add(body("unit", unknownUnit(in.unit().strip())));
    }
    if (registered.isPresent() && in.value() != null && unit.isPresent()) {
      Plausibility.check(registered.get(), metric, in.value(), unit.get()).ifPresent(errors::add);
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
    if (in.paper() != null && !corpus.livePaperExists(in.paper())) {
      errors.add(body("paper", "unknown paper " + in.paper()));
    }
    String source = text(in.source());
    if (source != null && !corpus.sourceExists(source)) {
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

  /** An energy per atom is only per-atom, and a per-atom basis is never a total energy. */
  private static boolean contradicts(Unit unit, String basis) {
    return unit.dimension() == Dimension.ENERGY_PER_ATOM && !basis.equals("per-atom")
        || unit.dimension() == Dimension.ENERGY && basis.equals("per-atom");
  }

  /**
   * "unknown unit 'furlong'", with why when the symbols are known but the dimension is not (eV·Å
   * measures energy·length, which no result dimension has).
   */
  private static String unknownUnit(String text) {
    Unit.Reading reading = Unit.read(text);
    return reading.problem() != null && reading.problem().startsWith("measures")
        ? "unit '" + text + "' " + reading.problem()
        : "unknown unit '" + text + "'";
  }

  /** Text as the rules read it: stripped, and absent when blank. */
  public static String text(String value) {
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
