package org.mlmdkb.result.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mlmdkb.curation.ImportBodies;
import org.mlmdkb.result.ResultInput;

/**
 * Maps LAMBench's {@code results.json} (model → test category → test set → metric → number) with
 * its {@code metadata.json} (the same tree of DISPLAY_NAMEs, whose last parenthesis names the unit)
 * to results: the model is the method, the category (without "_results") the task, the test set a
 * subset of the dataset the caller names. A metric whose display name states no unit is a pure
 * number (unit 1), or a percentage where the name starts with "%"; {@code scale} in the metadata
 * (LAMBench displays value × scale in the stated unit) is applied exactly. null is an absent value.
 */
final class LamBenchReader {

  /** The two files and where the results lie, for the provenance. */
  record Files(
      JsonNode results,
      JsonNode metadata,
      String dataset,
      String repository,
      String path,
      String commit) {}

  private static final Pattern UNIT_IN_PARENS = Pattern.compile("\\(([^()]*)\\)\\s*$");

  /** A test category's test sets → the result target, where one target holds for the whole set. */
  private static final Map<String, String> SET_TARGET =
      Map.ofEntries(
          Map.entry("phonon_mdr", "phonons"),
          Map.entry("elastic", "stress"),
          Map.entry("neb", "energy"),
          Map.entry("wiggle150", "energy"),
          Map.entry("torsionnet", "energy"),
          Map.entry("nve_md", "md"),
          Map.entry("inference_efficiency", "md"));

  private LamBenchReader() {}

  static List<ResultRow> read(Files files, ObjectMapper json) {
    if (files.results() == null || !files.results().isObject()) {
      throw ImportBodies.malformed("must hold \"results\": the object of LAMBench's results.json");
    }
    if (files.metadata() == null || !files.metadata().isObject()) {
      throw ImportBodies.malformed(
          "must hold \"metadata\": the object of LAMBench's metadata.json, which states the units");
    }
    List<ResultRow> rows = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> models = files.results().fields();
        models.hasNext(); ) {
      Map.Entry<String, JsonNode> model = models.next();
      String method = slug(model.getKey());
      NewMethod described =
          new NewMethod(
              method,
              model.getKey(),
              "universal",
              List.of(),
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              List.of(),
              model.getKey() + " as LAMBench lists it.");
      for (Iterator<Map.Entry<String, JsonNode>> categories = model.getValue().fields();
          categories.hasNext(); ) {
        Map.Entry<String, JsonNode> category = categories.next();
        if (!category.getKey().endsWith("_results") || !category.getValue().isObject()) {
          continue; // "model": the model's own description, not a measurement
        }
        for (Iterator<Map.Entry<String, JsonNode>> sets = category.getValue().fields();
            sets.hasNext(); ) {
          Map.Entry<String, JsonNode> set = sets.next();
          for (Iterator<Map.Entry<String, JsonNode>> metrics = set.getValue().fields();
              metrics.hasNext(); ) {
            Map.Entry<String, JsonNode> metric = metrics.next();
            String key =
                model.getKey()
                    + "."
                    + category.getKey()
                    + "."
                    + set.getKey()
                    + "."
                    + metric.getKey();
            JsonNode meta =
                files.metadata().path(category.getKey()).path(set.getKey()).path(metric.getKey());
            ResultRow row =
                row(
                    rows.size() + 1,
                    key,
                    method,
                    category.getKey(),
                    set.getKey(),
                    metric,
                    meta,
                    files);
            rows.add(row.describing(described));
          }
        }
      }
    }
    return rows;
  }

  private static ResultRow row(
      int index,
      String key,
      String method,
      String category,
      String set,
      Map.Entry<String, JsonNode> metric,
      JsonNode meta,
      Files files) {
    JsonNode value = metric.getValue();
    if (value == null || value.isNull()) {
      return ResultRow.notAMeasurement(index, key, "not imported: null, an absent value");
    }
    if (!value.isNumber()) {
      return ResultRow.notAMeasurement(index, key, "not imported: the value is not a number");
    }
    if (!meta.isObject() || !meta.path("DISPLAY_NAME").isTextual()) {
      return ResultRow.notAMeasurement(
          index, key, "not imported: metadata.json states no DISPLAY_NAME, so no unit");
    }
    String display = meta.get("DISPLAY_NAME").asText();
    String unit = unit(display);
    BigDecimal reported = value.decimalValue();
    if (meta.path("scale").isNumber()) {
      reported = reported.multiply(meta.get("scale").decimalValue());
    }
    String name = metric.getKey();
    String target = target(set, name);
    String basis = basis(name, unit);
    return ResultRow.read(
        index,
        key,
        new ResultInput(
            method,
            null,
            files.dataset(),
            slug(set),
            slug(category.substring(0, category.length() - "_results".length())),
            target,
            name,
            reported,
            unit,
            basis,
            null,
            null,
            null,
            null,
            null,
            null,
            "reported",
            null,
            null,
            null,
            files.repository(),
            files.path(),
            files.commit(),
            key + " (" + display + ")"),
        List.of());
  }

  /** "F RMSE (meV/Å)" → meV/Å; "% Transfer with …" → %; "Success Rate" → 1. */
  static String unit(String display) {
    Matcher m = UNIT_IN_PARENS.matcher(display.strip());
    if (m.find()) {
      return m.group(1).strip();
    }
    return display.strip().startsWith("%") ? "%" : "1";
  }

  private static String target(String set, String metric) {
    String m = metric.toLowerCase(Locale.ROOT);
    if (m.startsWith("energy_")) {
      return "energy";
    }
    if (m.startsWith("force_")) {
      return "forces";
    }
    if (m.startsWith("virial_")) {
      return "stress";
    }
    return SET_TARGET.getOrDefault(set, "energy");
  }

  /** Per-atom where LAMBench divides by the number of atoms, or the unit says so. */
  private static String basis(String metric, String unit) {
    if (metric.endsWith("_natoms") || unit.endsWith("/atom")) {
      return "per-atom";
    }
    return metric.startsWith("energy_") || metric.startsWith("virial_") ? "per-structure" : "none";
  }

  /** "DPA-3.1-3M" → dpa-3.1-3m; "HPt_NC_2022" → hpt-nc-2022. */
  static String slug(String text) {
    return text.toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9.]+", "-")
        .replaceAll("^[-.]+|[-.]+$", "")
        .replaceAll("\\.{2,}", ".");
  }
}
