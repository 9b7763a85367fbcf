package org.mlmdkb.seed;

import static org.mlmdkb.seed.Jdbc.bigint;
import static org.mlmdkb.seed.Jdbc.list;
import static org.mlmdkb.seed.Jdbc.strings;
import static org.mlmdkb.seed.Jdbc.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Loads datasets with their subsets, sources and the papers that describe them. */
final class DatasetSeeder {

  private static final String UPSERT_DATASET =
      SeedUpsert.sql(
          "dataset",
          "datasets",
          List.of("slug"),
          List.of(
              "name",
              "aliases",
              "description",
              "domain",
              "level_of_theory",
              "n_structures",
              "n_materials",
              "size_note",
              "licence",
              "url",
              "paper_id",
              "paper_doi",
              "paper_arxiv_id"));

  int load(Jdbc db, PaperRefs papers, List<JsonNode> datasets) throws SQLException {
    Map<String, String> slugOwners = db.texts("SELECT slug, seed_key FROM dataset");
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JsonNode d : datasets) {
      if (Jdbc.slugHeldByAnother(slugOwners, text(d, "slug"), text(d, "slug"))) {
        continue;
      }
      JsonNode paper = d.get("paper");
      rows.add(
          Jdbc.row(
              "seed_key", text(d, "slug"),
              "slug", text(d, "slug"),
              "name", text(d, "name"),
              "aliases", strings(d, "aliases"),
              "description", text(d, "description"),
              "domain", text(d, "domain"),
              "level_of_theory", text(d, "level_of_theory"),
              "n_structures", bigint(d, "n_structures"),
              "n_materials", bigint(d, "n_materials"),
              "size_note", text(d, "size_note"),
              "licence", text(d, "license"),
              "url", text(d, "url"),
              "paper_id", papers.resolve(paper).orElse(null),
              "paper_doi", paper == null ? null : text(paper, "doi"),
              "paper_arxiv_id", paper == null ? null : text(paper, "arxiv_id")));
    }
    int loaded = db.batch(UPSERT_DATASET, rows);

    Map<String, Long> ids = MethodSeeder.seedIds(db, "dataset");
    List<Map<String, Object>> subsets = new ArrayList<>();
    List<Map<String, Object>> sources = new ArrayList<>();
    List<Map<String, Object>> citations = new ArrayList<>();
    for (JsonNode d : datasets) {
      Long id = ids.get(text(d, "slug"));
      if (id == null) {
        continue; // left out above: its slug belongs to another item
      }
      for (JsonNode s : list(d, "subsets")) {
        JsonNode t = s.get("temperature_k");
        subsets.add(
            Jdbc.row(
                "dataset_id", id,
                "slug", text(s, "slug"),
                "name", text(s, "name"),
                "description", text(s, "description"),
                "level_of_theory", text(s, "level_of_theory"),
                "temperature_k", t == null || t.isNull() ? null : new BigDecimal(t.asText()),
                "n_structures", bigint(s, "n_structures")));
      }
      for (JsonNode source : list(d, "sources")) {
        sources.add(Jdbc.row("dataset_id", id, "source_id", source.asText()));
      }
      List<JsonNode> refs = new ArrayList<>(list(d, "citations"));
      if (d.hasNonNull("paper")) {
        refs.add(0, d.get("paper"));
      }
      for (JsonNode ref : refs) {
        papers
            .resolve(ref)
            .ifPresent(p -> citations.add(Jdbc.row("paper_id", p, "dataset_id", id)));
      }
    }
    db.batch(
        "INSERT INTO dataset_subset (dataset_id, slug, name, description, level_of_theory,"
            + " temperature_k, n_structures) VALUES (:dataset_id, :slug, :name, :description,"
            + " :level_of_theory, :temperature_k, :n_structures)"
            + " ON CONFLICT (dataset_id, slug) DO NOTHING",
        subsets);
    db.batch(
        "INSERT INTO dataset_source (dataset_id, source_id) VALUES (:dataset_id, :source_id)"
            + " ON CONFLICT DO NOTHING",
        sources);
    // The papers a dataset asks to be cited are the ones that describe (introduce) it.
    db.batch(
        "INSERT INTO paper_dataset (paper_id, dataset_id, relation)"
            + " VALUES (:paper_id, :dataset_id, 'introduces')"
            + " ON CONFLICT DO NOTHING",
        citations);
    return loaded;
  }
}
