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

  private static final String INSERT_METHOD =
      """
      INSERT INTO method (slug, name, aliases, family, description, year, paper_id, paper_doi,
                          paper_arxiv_id, paper_url, code_url, licence, parameter_count)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (slug) DO NOTHING
      """;

  int load(Jdbc db, PaperRefs papers, JsonNode file) throws SQLException {
    List<JsonNode> methods = list(file, "methods");
    List<Object[]> rows = new ArrayList<>();
    for (JsonNode m : methods) {
      JsonNode paper = m.get("paper");
      Long count = bigint(m, "parameter_count");
      rows.add(
          new Object[] {
            text(m, "slug"),
            text(m, "name"),
            strings(m, "aliases"),
            text(m, "family"),
            text(m, "description"),
            integer(m, "year"),
            papers.resolve(paper).orElse(null),
            paper == null ? null : text(paper, "doi"),
            paper == null ? null : text(paper, "arxiv_id"),
            paper == null ? null : text(paper, "url"),
            text(m, "code_url"),
            text(m, "license"),
            count != null && count > 0 ? count : null
          });
    }
    int inserted = db.batch(INSERT_METHOD, rows);

    Map<String, Long> ids = db.ids("SELECT slug, id FROM method");
    Map<String, Long> datasets = db.ids("SELECT slug, id FROM dataset");
    List<Object[]> lineage = new ArrayList<>();
    List<Object[]> sources = new ArrayList<>();
    List<Object[]> training = new ArrayList<>();
    List<Object[]> introduces = new ArrayList<>();
    for (JsonNode m : methods) {
      long id = ids.get(text(m, "slug"));
      for (JsonNode parent : list(m, "derived_from")) {
        lineage.add(new Object[] {id, required(ids, parent.asText(), "method", m)});
      }
      for (JsonNode source : list(m, "sources")) {
        sources.add(new Object[] {id, source.asText()});
      }
      for (JsonNode d : list(m, "training_datasets")) {
        Long dataset = datasets.get(d.asText());
        if (dataset != null) {
          training.add(new Object[] {id, dataset});
        }
      }
      papers.resolve(m.get("paper")).ifPresent(p -> introduces.add(new Object[] {p, id}));
    }
    db.batch(
        "INSERT INTO method_lineage (child_id, parent_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
        lineage);
    db.batch(
        "INSERT INTO method_source (method_id, source_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
        sources);
    db.batch(
        "INSERT INTO method_training_dataset (method_id, dataset_id) VALUES (?, ?)"
            + " ON CONFLICT DO NOTHING",
        training);
    db.batch(
        "INSERT INTO paper_method (paper_id, method_id, relation) VALUES (?, ?, 'introduces')"
            + " ON CONFLICT DO NOTHING",
        introduces);
    return inserted;
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
