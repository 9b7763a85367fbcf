package org.mlmdkb.seed;

import static org.mlmdkb.seed.Jdbc.integer;
import static org.mlmdkb.seed.Jdbc.list;
import static org.mlmdkb.seed.Jdbc.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mlmdkb.metric.Unit;

/** Loads benchmark results, converting each value to its dimension's canonical unit. */
final class ResultSeeder {

  private static final String UPSERT_RESULT =
      SeedUpsert.sql(
          "benchmark_result",
          "results",
          List.of(),
          List.of(
              "method_id",
              "method_variant",
              "dataset_id",
              "subset_id",
              "task",
              "target",
              "metric",
              "value",
              "unit",
              "canonical_value",
              "canonical_unit",
              "basis",
              "n_train",
              "split",
              "uncertainty",
              "n_runs",
              "temperature_k",
              "level_of_theory",
              "status",
              "reported_on",
              "paper_id",
              "source_id",
              "source_repository",
              "source_path",
              "source_commit",
              "source_location"));

  int load(Jdbc db, PaperRefs papers, JsonNode file) throws SQLException {
    Map<String, Long> methods = MethodSeeder.seedIds(db, "method");
    Map<String, Long> datasets = MethodSeeder.seedIds(db, "dataset");
    Map<String, Long> subsets =
        db.ids(
            "SELECT d.seed_key || '/' || s.slug, s.id FROM dataset_subset s"
                + " JOIN dataset d ON d.id = s.dataset_id WHERE d.seed_key IS NOT NULL");
    Map<String, String> methodSlugs = db.texts("SELECT slug, seed_key FROM method");
    Map<String, String> datasetSlugs = db.texts("SELECT slug, seed_key FROM dataset");
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JsonNode r : list(file, "results")) {
      if (Jdbc.slugHeldByAnother(methodSlugs, text(r, "method"), text(r, "method"))
          || Jdbc.slugHeldByAnother(datasetSlugs, text(r, "dataset"), text(r, "dataset"))) {
        continue; // its method or dataset was left out: the slug belongs to another item
      }
      Unit unit =
          Unit.parse(text(r, "unit"))
              .orElseThrow(
                  () ->
                      new IllegalStateException("Unknown unit '" + text(r, "unit") + "' in " + r));
      BigDecimal value = new BigDecimal(r.get("value").asText());
      String dataset = text(r, "dataset");
      String subset = text(r, "subset");
      JsonNode provenance = r.get("provenance");
      rows.add(
          Jdbc.row(
              "seed_key", text(r, "key"),
              "method_id", MethodSeeder.required(methods, text(r, "method"), "method", r),
              "method_variant", text(r, "method_variant"),
              "dataset_id", MethodSeeder.required(datasets, dataset, "dataset", r),
              "subset_id",
                  subset == null
                      ? null
                      : MethodSeeder.required(subsets, dataset + "/" + subset, "subset", r),
              "task", text(r, "task"),
              "target", text(r, "target"),
              "metric", text(r, "metric"),
              "value", value,
              "unit", unit.code(),
              "canonical_value", unit.toCanonical(value),
              "canonical_unit", unit.dimension().canonicalCode(),
              "basis", text(r, "basis"),
              "n_train", integer(r, "n_train"),
              "split", text(r, "split"),
              "uncertainty", decimal(r, "uncertainty"),
              "n_runs", integer(r, "n_runs"),
              "temperature_k", decimal(r, "temperature_k"),
              "level_of_theory", text(r, "level_of_theory"),
              "status", text(r, "status"),
              "reported_on",
                  text(r, "reported_on") == null
                      ? null
                      : Date.valueOf(LocalDate.parse(text(r, "reported_on"))),
              "paper_id", papers.resolve(r.get("paper")).orElse(null),
              "source_id", text(provenance, "source"),
              "source_repository", text(provenance, "repository"),
              "source_path", text(provenance, "path"),
              "source_commit", text(provenance, "commit"),
              "source_location", text(provenance, "location")));
    }
    return db.batch(UPSERT_RESULT, rows);
  }

  private static BigDecimal decimal(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : new BigDecimal(v.asText());
  }
}
