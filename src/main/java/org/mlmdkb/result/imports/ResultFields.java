package org.mlmdkb.result.imports;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.result.ResultInput;

/**
 * Reads one result from the named fields of a CSV row or a JSON object, leniently: a field that
 * cannot be read is named and left empty, so the row is rejected with every fault at once instead
 * of failing the whole body.
 */
final class ResultFields {

  // Compiled once: String.matches compiles its pattern on every call, once per row of an import.
  private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,9}");

  /** The snake_case fields of {@link ResultInput}, in its order; also the CSV columns. */
  static final List<String> NAMES =
      List.of(
          "method",
          "method_variant",
          "dataset",
          "subset",
          "task",
          "target",
          "metric",
          "value",
          "unit",
          "basis",
          "n_train",
          "split",
          "uncertainty",
          "n_runs",
          "temperature_k",
          "level_of_theory",
          "status",
          "reported_on",
          "paper",
          "source",
          "repository",
          "path",
          "commit",
          "location");

  /** The values of one row by field name, as JSON values (a CSV cell is text); null if absent. */
  @FunctionalInterface
  interface Row {
    JsonNode get(String name);
  }

  private final Row row;
  private final RepeatedTexts texts;
  private final List<Problem.FieldError> errors = new ArrayList<>();

  private ResultFields(Row row, RepeatedTexts texts) {
    this.row = row;
    this.texts = texts;
  }

  /**
   * {@code object}'s fields are JSON values; its texts are shared with the earlier rows of the same
   * body through {@code texts}.
   */
  static ResultRow read(int index, JsonNode object, RepeatedTexts texts) {
    ResultFields f = new ResultFields(object::get, texts);
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!NAMES.contains(name)) {
        f.errors.add(new Problem.FieldError(name, "body", "is not a result field"));
      }
    }
    return f.read(index);
  }

  /**
   * A row whose field names were checked already (a CSV header names result columns only). No JSON
   * object is built per row: reading src/bench's 100,000-row CSV in a fresh JVM took 1.24-1.29 s
   * building one, 0.87-1.05 s without.
   */
  static ResultRow read(int index, Row row, RepeatedTexts texts) {
    return new ResultFields(row, texts).read(index);
  }

  private ResultRow read(int index) {
    Integer paper = integer("paper");
    ResultInput input =
        new ResultInput(
            text("method"),
            text("method_variant"),
            text("dataset"),
            text("subset"),
            text("task"),
            text("target"),
            text("metric"),
            decimal("value"),
            text("unit"),
            text("basis"),
            integer("n_train"),
            text("split"),
            decimal("uncertainty"),
            integer("n_runs"),
            decimal("temperature_k"),
            text("level_of_theory"),
            text("status"),
            text("reported_on"),
            paper == null ? null : paper.longValue(),
            text("source"),
            text("repository"),
            text("path"),
            text("commit"),
            text("location"));
    return ResultRow.read(index, "", input, errors);
  }

  private JsonNode value(String name) {
    JsonNode v = row.get(name);
    // An empty CSV cell is an absent value.
    return v == null || v.isNull() || v.isTextual() && v.asText().isBlank() ? null : v;
  }

  private String text(String name) {
    JsonNode v = value(name);
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      errors.add(new Problem.FieldError(name, "body", "must be a string"));
      return null;
    }
    return texts.share(v.asText());
  }

  private BigDecimal decimal(String name) {
    JsonNode v = value(name);
    if (v == null) {
      return null;
    }
    if (v.isNumber()) {
      // A JSON number beyond double range may be read as a double: Infinity, never storable.
      if (v.isFloatingPointNumber() && !v.isBigDecimal() && !Double.isFinite(v.doubleValue())) {
        errors.add(new Problem.FieldError(name, "body", "must be a finite number"));
        return null;
      }
      return v.decimalValue();
    }
    try {
      if (v.isTextual()) {
        return new BigDecimal(v.asText().strip());
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(new Problem.FieldError(name, "body", "must be a number"));
    return null;
  }

  private Integer integer(String name) {
    JsonNode v = value(name);
    if (v == null) {
      return null;
    }
    if (v.isIntegralNumber() && v.canConvertToInt()) {
      return v.intValue();
    }
    if (v.isTextual() && INTEGER.matcher(v.asText().strip()).matches()) {
      return Integer.valueOf(v.asText().strip());
    }
    errors.add(new Problem.FieldError(name, "body", "must be an integer"));
    return null;
  }
}
