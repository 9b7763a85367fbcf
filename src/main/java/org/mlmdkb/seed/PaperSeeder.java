package org.mlmdkb.seed;

import static org.mlmdkb.seed.Jdbc.integer;
import static org.mlmdkb.seed.Jdbc.list;
import static org.mlmdkb.seed.Jdbc.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlmdkb.paper.AuthorNames;

/** Loads papers with their ordered authors, tags and source keys. */
final class PaperSeeder {

  private static final String UPSERT_PAPER =
      SeedUpsert.sql(
          "paper",
          "papers",
          List.of(),
          List.of(
              "entry_type",
              "title",
              "abstract",
              "year",
              "date",
              "venue",
              "volume",
              "number",
              "pages",
              "publisher",
              "doi",
              "arxiv_id",
              "url",
              "code_url"));

  int load(Jdbc db, JsonNode file) throws SQLException {
    List<JsonNode> papers = list(file, "papers");
    Map<String, String> doiOwners =
        db.texts("SELECT doi, seed_key FROM paper WHERE doi IS NOT NULL");
    Map<String, String> arxivOwners =
        db.texts("SELECT lower(arxiv_id), seed_key FROM paper WHERE arxiv_id IS NOT NULL");
    List<Map<String, Object>> rows = new ArrayList<>();
    Map<String, String> authorNames = new LinkedHashMap<>();
    for (JsonNode p : papers) {
      if (heldByAnother(doiOwners, text(p, "doi"), text(p, "key"))
          || heldByAnother(arxivOwners, text(p, "arxiv_id"), text(p, "key"))) {
        continue; // a paper with this DOI or arXiv id already exists under another key
      }
      rows.add(
          Jdbc.row(
              "seed_key", text(p, "key"),
              "entry_type", text(p, "entry_type"),
              "title", text(p, "title"),
              "abstract", text(p, "abstract"),
              "year", integer(p, "year"),
              "date", text(p, "date"),
              "venue", text(p, "venue"),
              "volume", text(p, "volume"),
              "number", text(p, "number"),
              "pages", text(p, "pages"),
              "publisher", text(p, "publisher"),
              "doi", text(p, "doi"),
              "arxiv_id", text(p, "arxiv_id"),
              "url", text(p, "url"),
              "code_url", text(p, "code_url")));
      for (JsonNode a : list(p, "authors")) {
        String normalized = AuthorNames.normalize(text(a, "name"));
        if (!normalized.isEmpty()) {
          authorNames.putIfAbsent(normalized, text(a, "name"));
        }
      }
    }
    int loaded = db.batch(UPSERT_PAPER, rows);

    List<Map<String, Object>> authorRows = new ArrayList<>();
    authorNames.forEach(
        (normalized, name) ->
            authorRows.add(Jdbc.row("name", name, "normalized_name", normalized)));
    db.batch(
        "INSERT INTO author (name, normalized_name) VALUES (:name, :normalized_name)"
            + " ON CONFLICT DO NOTHING",
        authorRows);

    Map<String, Long> paperIds =
        db.ids("SELECT seed_key, id FROM paper WHERE seed_key IS NOT NULL");
    Map<String, Long> authorIds = db.ids("SELECT normalized_name, id FROM author");
    Map<String, String> tagSlugs = SeedLoader.currentTagSlugs(db);
    List<Map<String, Object>> links = new ArrayList<>();
    List<Map<String, Object>> tags = new ArrayList<>();
    List<Map<String, Object>> sources = new ArrayList<>();
    for (JsonNode p : papers) {
      Long paperId = paperIds.get(text(p, "key"));
      if (paperId == null) {
        continue; // a paper with this DOI or arXiv id already existed under another key
      }
      int position = 0;
      for (JsonNode a : list(p, "authors")) {
        Long authorId = authorIds.get(AuthorNames.normalize(text(a, "name")));
        if (authorId != null) {
          links.add(
              Jdbc.row(
                  "paper_id", paperId,
                  "position", position++,
                  "author_id", authorId,
                  "name_as_written", text(a, "name")));
        }
      }
      for (JsonNode t : list(p, "tags")) {
        tags.add(
            Jdbc.row(
                "paper_id", paperId, "tag_slug", tagSlugs.getOrDefault(t.asText(), t.asText())));
      }
      for (JsonNode key : list(p, "source_keys")) {
        String sourceKey = key.asText();
        sources.add(
            Jdbc.row(
                "paper_id", paperId,
                "source_id", sourceKey.substring(0, sourceKey.indexOf(':')),
                "source_key", sourceKey));
      }
    }
    db.batch(
        "INSERT INTO paper_author (paper_id, position, author_id, name_as_written)"
            + " VALUES (:paper_id, :position, :author_id, :name_as_written) ON CONFLICT DO NOTHING",
        links);
    db.batch(
        "INSERT INTO paper_tag (paper_id, tag_slug) VALUES (:paper_id, :tag_slug)"
            + " ON CONFLICT DO NOTHING",
        tags);
    db.batch(
        "INSERT INTO paper_source (paper_id, source_id, source_key)"
            + " VALUES (:paper_id, :source_id, :source_key)"
            + " ON CONFLICT DO NOTHING",
        sources);
    return loaded;
  }

  /** A DOI or arXiv id (stored lower-case) that a paper with another seed key, or none, holds. */
  private static boolean heldByAnother(Map<String, String> owners, String id, String seedKey) {
    if (id == null) {
      return false;
    }
    String normalized = id.toLowerCase(java.util.Locale.ROOT);
    return owners.containsKey(normalized) && !seedKey.equals(owners.get(normalized));
  }
}
