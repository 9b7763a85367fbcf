package org.mlmdkb.metric;

import static org.mlmdkb.curation.BodyChecks.body;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.common.query.WireNamed;
import org.mlmdkb.curation.Checked;
import org.mlmdkb.curation.CuratedRules;

/**
 * Checks a metric's editable state and returns it normalised (name in lower case, direction
 * defaulting to none, blank text as none), or every field at fault.
 */
@ApplicationScoped
public class MetricRules implements CuratedRules<MetricInput> {

  static final int MAX_NAME_LENGTH = 100;
  static final int MAX_DESCRIPTION_LENGTH = 2000;

  /** Bounds of a range: as for a result's value (ResultRules.MAX_MAGNITUDE and MAX_SCALE). */
  static final BigDecimal MAX_MAGNITUDE = new BigDecimal("1e12");

  static final int MAX_SCALE = 30;

  /** Letters (any script: κ_srme), digits, '_', '-' and '.', starting with a letter or digit. */
  static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_.\\-]*");

  /** Whether {@code name}, as given in a path, can name a metric at all. */
  static boolean isValidName(String name) {
    return name.length() <= MAX_NAME_LENGTH && NAME.matcher(name).matches();
  }

  /** A name as the registry files it. */
  static String normalisedName(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }

  @Override
  public Checked<MetricInput> check(MetricInput in) {
    List<Problem.FieldError> errors = new ArrayList<>();
    String name = text(in.name()) == null ? null : normalisedName(in.name());
    if (name == null) {
      errors.add(body("name", "is required"));
    } else if (name.contains("(")) {
      errors.add(
          body(
              "name",
              "names the metric without its qualifier: results of 'symmetry_match"
                  + " (symprec=1e-5)' are filed under 'symmetry_match'"));
    } else if (!isValidName(name)) {
      errors.add(
          body(
              "name",
              "must be at most "
                  + MAX_NAME_LENGTH
                  + " letters, digits, '_', '-' or '.', starting with a letter or digit"));
    }
    String direction = text(in.direction()) == null ? "none" : text(in.direction());
    if (WireNamed.fromWire(Metric.Direction.class, direction).isEmpty()) {
      errors.add(
          body("direction", "must be one of " + WireNamed.wireNames(Metric.Direction.class)));
    }
    String kind = text(in.kind());
    if (kind == null || WireNamed.fromWire(Metric.Kind.class, kind).isEmpty()) {
      errors.add(body("kind", "must be one of " + WireNamed.wireNames(Metric.Kind.class)));
    }
    String dimensionName = text(in.dimension());
    if (dimensionName != null && WireNamed.fromWire(Dimension.class, dimensionName).isEmpty()) {
      errors.add(
          body(
              "dimension",
              "must be null (any unit) or one of " + WireNamed.wireNames(Dimension.class)));
    }
    boolean boundsReadable = bound("min", in.min(), errors) & bound("max", in.max(), errors);
    if (boundsReadable
        && in.min() != null
        && in.max() != null
        && in.min().compareTo(in.max()) > 0) {
      errors.add(body("min", "is greater than max"));
    }
    if (dimensionName == null && (nonZero(in.min()) || nonZero(in.max()))) {
      errors.add(
          body(
              "dimension",
              "is needed for a bound other than 0: bounds are in the dimension's canonical unit"));
    }
    String description = text(in.description());
    if (description != null && description.length() > MAX_DESCRIPTION_LENGTH) {
      errors.add(body("description", "must be at most " + MAX_DESCRIPTION_LENGTH + " characters"));
    }
    MetricInput normalised =
        new MetricInput(
            name, direction, kind, dimensionName, plain(in.min()), plain(in.max()), description);
    return new Checked<>(normalised, errors);
  }

  private static boolean bound(String name, BigDecimal value, List<Problem.FieldError> errors) {
    if (value == null) {
      return true;
    }
    if (value.abs().compareTo(MAX_MAGNITUDE) > 0) {
      errors.add(body(name, "must lie between -1e12 and 1e12"));
      return false;
    }
    if (value.signum() != 0 && value.stripTrailingZeros().scale() > MAX_SCALE) {
      errors.add(body(name, "must have at most " + MAX_SCALE + " digits after the decimal point"));
      return false;
    }
    return true;
  }

  private static boolean nonZero(BigDecimal value) {
    return value != null && value.signum() != 0;
  }

  /** 1, not 1.0 or 1E+0: the history compares states, and 1.0 and 1 are the same bound. */
  private static BigDecimal plain(BigDecimal value) {
    if (value == null || value.abs().compareTo(MAX_MAGNITUDE) > 0) {
      return value; // refused anyway; setScale(0) of 1e999999 would write out a million digits
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private static String text(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
