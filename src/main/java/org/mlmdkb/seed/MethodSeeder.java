package org.mlmdkb.seed;

import static org.mlmdkb.seed.Jdbc.bigint;
import static org.mlmdkb.seed.Jdbc.integer;
import static org.mlmdkb.seed.Jdbc.list;
import static org.mlmdkb.seed.Jdbc.strings;
import static org.mlmdkb.seed.Jdbc.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Loads methods, their lineage edges, sources, training datasets and introducing papers. */
final class MethodSeeder {

  private static final String UPSERT_METHOD =
      SeedUpsert.sql(
          "method",
          "methods",
          List.of("slug"),
          List.of(
              "name",
              "aliases",
              "family",
              "description",
              "year",
              "paper_id",
              "paper_doi",
              "paper_arxiv_id",
              "paper_url",
              "code_url",
              "licence",
              "parameter_count"));

  int load(Jdbc db, PaperRefs papers, JsonNode file) throws SQLException {
    List<JsonNode> methods = list(file, "methods");
    Map<String, String> slugOwners = db.texts("SELECT slug, seed_key FROM method");
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JsonNode m : methods) {
      if (Jdbc.slugHeldByAnother(slugOwners, text(m, "slug"), text(m, "slug"))) {
        continue;
      }
      JsonNode paper = m.get("paper");
      Long count = bigint(m, "parameter_count");
      rows.add(
          Jdbc.row(
              "seed_key", text(m, "slug"),
              "slug", text(m, "slug"),
              "name", text(m, "name"),
              "aliases", strings(m, "aliases"),
              "family", text(m, "family"),
              "description", text(m, "description"),
              "year", integer(m, "year"),
              "paper_id", papers.resolve(paper).orElse(null),
              "paper_doi", paper == null ? null : text(paper, "doi"),
              "paper_arxiv_id", paper == null ? null : text(paper, "arxiv_id"),
              "paper_url", paper == null ? null : text(paper, "url"),
              "code_url", text(m, "code_url"),
              "licence", text(m, "license"),
              "parameter_count", count != null && count > 0 ? count : null));
    }
    int loaded = db.batch(UPSERT_METHOD, rows);

    Map<String, Long> ids = seedIds(db, "method");
    Map<String, Long> datasets = seedIds(db, "dataset");
    List<Map<String, Object>> lineage = new ArrayList<>();
    List<Map<String, Object>> sources = new ArrayList<>();
    List<Map<String, Object>> training = new ArrayList<>();
    List<Map<String, Object>> introduces = new ArrayList<>();
    for (JsonNode m : methods) {
      Long id = ids.get(text(m, "slug"));
      if (id == null) {
        continue; // left out above: its slug belongs to another item
      }
      for (JsonNode parent : list(m, "derived_from")) {
        if (!Jdbc.slugHeldByAnother(slugOwners, parent.asText(), parent.asText())) {
          lineage.add(
              Jdbc.row("child_id", id, "parent_id", required(ids, parent.asText(), "method", m)));
        }
      }
      for (JsonNode source : list(m, "sources")) {
        sources.add(Jdbc.row("method_id", id, "source_id", source.asText()));
      }
      for (JsonNode d : list(m, "training_datasets")) {
        Long dataset = datasets.get(d.asText());
        if (dataset != null) {
          training.add(Jdbc.row("method_id", id, "dataset_id", dataset));
        }
      }
      papers
          .resolve(m.get("paper"))
          .ifPresent(p -> introduces.add(Jdbc.row("paper_id", p, "method_id", id)));
    }
    db.batch(
        "INSERT INTO method_lineage (child_id, parent_id) VALUES (:child_id, :parent_id)"
            + " ON CONFLICT DO NOTHING",
        lineage);
    db.batch(
        "INSERT INTO method_source (method_id, source_id) VALUES (:method_id, :source_id)"
            + " ON CONFLICT DO NOTHING",
        sources);
    db.batch(
        "INSERT INTO method_training_dataset (method_id, dataset_id)"
            + " VALUES (:method_id, :dataset_id)"
            + " ON CONFLICT DO NOTHING",
        training);
    db.batch(
        "INSERT INTO paper_method (paper_id, method_id, relation)"
            + " VALUES (:paper_id, :method_id, 'introduces')"
            + " ON CONFLICT DO NOTHING",
        introduces);
    return loaded;
  }

  /** Seeded rows of a table by seed key, whatever their slug is now. */
  static Map<String, Long> seedIds(Jdbc db, String table) throws SQLException {
    return db.ids("SELECT seed_key, id FROM " + table + " WHERE seed_key IS NOT NULL");
  }

  static long required(Map<String, Long> ids, String slug, String what, JsonNode owner) {
    Long id = ids.get(slug);
    if (id == null) {
      throw new IllegalStateException(
          "Seed data names an unknown " + what + " '" + slug + "' in " + owner);
    }
    return id;
  }
}
