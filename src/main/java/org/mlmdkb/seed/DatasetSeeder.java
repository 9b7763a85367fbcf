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
    List<Object[]> rows = new ArrayList<>();
    for (JsonNode d : datasets) {
      if (Jdbc.slugHeldByAnother(slugOwners, text(d, "slug"), text(d, "slug"))) {
        continue;
      }
      JsonNode paper = d.get("paper");
      rows.add(
          new Object[] {
            text(d, "slug"),
            text(d, "slug"),
            text(d, "name"),
            strings(d, "aliases"),
            text(d, "description"),
            text(d, "domain"),
            text(d, "level_of_theory"),
            bigint(d, "n_structures"),
            bigint(d, "n_materials"),
            text(d, "size_note"),
            text(d, "license"),
            text(d, "url"),
            papers.resolve(paper).orElse(null),
            paper == null ? null : text(paper, "doi"),
            paper == null ? null : text(paper, "arxiv_id")
          });
    }
    int loaded = db.batch(UPSERT_DATASET, rows);

    Map<String, Long> ids = MethodSeeder.seedIds(db, "dataset");
    List<Object[]> subsets = new ArrayList<>();
    List<Object[]> sources = new ArrayList<>();
    List<Object[]> citations = new ArrayList<>();
    for (JsonNode d : datasets) {
      Long id = ids.get(text(d, "slug"));
      if (id == null) {
        continue; // left out above: its slug belongs to another item
      }
      for (JsonNode s : list(d, "subsets")) {
        JsonNode t = s.get("temperature_k");
        subsets.add(
            new Object[] {
              id,
              text(s, "slug"),
              text(s, "name"),
              text(s, "description"),
              text(s, "level_of_theory"),
              t == null || t.isNull() ? null : new BigDecimal(t.asText()),
              bigint(s, "n_structures")
            });
      }
      for (JsonNode source : list(d, "sources")) {
        sources.add(new Object[] {id, source.asText()});
      }
      List<JsonNode> refs = new ArrayList<>(list(d, "citations"));
      if (d.hasNonNull("paper")) {
        refs.add(0, d.get("paper"));
      }
      for (JsonNode ref : refs) {
        papers.resolve(ref).ifPresent(p -> citations.add(new Object[] {p, id}));
      }
    }
    db.batch(
        "INSERT INTO dataset_subset (dataset_id, slug, name, description, level_of_theory,"
            + " temperature_k, n_structures) VALUES (?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (dataset_id, slug) DO NOTHING",
        subsets);
    db.batch(
        "INSERT INTO dataset_source (dataset_id, source_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
        sources);
    // The papers a dataset asks to be cited are the ones that describe (introduce) it.
    db.batch(
        "INSERT INTO paper_dataset (paper_id, dataset_id, relation) VALUES (?, ?, 'introduces')"
            + " ON CONFLICT DO NOTHING",
        citations);
    return loaded;
  }
}
