package org.mlmdkb.seed;

import static org.mlmdkb.seed.Jdbc.list;
import static org.mlmdkb.seed.Jdbc.strings;
import static org.mlmdkb.seed.Jdbc.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mlmdkb.article.MarkdownRenderer;

/** Loads the site's articles: YAML front matter, Markdown body, rendered sanitised HTML. */
final class ArticleSeeder {

  private static final String UPSERT_ARTICLE =
      SeedUpsert.sql(
          "article",
          "articles",
          List.of("slug"),
          List.of(
              "title",
              "summary",
              "body_markdown",
              "body_html",
              "authors",
              "status",
              "published_at",
              "reading_time_minutes"));

  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
  private final MarkdownRenderer renderer;

  ArticleSeeder(MarkdownRenderer renderer) {
    this.renderer = renderer;
  }

  int load(Jdbc db, PaperRefs papers, SeedFiles files) throws SQLException {
    List<Parsed> articles = new ArrayList<>();
    for (String file : files.articleFiles()) {
      articles.add(parse(file, files.text("articles/" + file)));
    }
    Map<String, String> slugOwners = db.texts("SELECT slug, seed_key FROM article");
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Parsed a : articles) {
      String slug = text(a.meta, "slug");
      if (Jdbc.slugHeldByAnother(slugOwners, slug, slug)) {
        continue;
      }
      String published = text(a.meta, "published_at");
      rows.add(
          Jdbc.row(
              "seed_key", slug,
              "slug", slug,
              "title", text(a.meta, "title"),
              "summary", text(a.meta, "summary"),
              "body_markdown", a.body,
              "body_html", renderer.toSafeHtml(a.body),
              "authors", strings(a.meta, "authors"),
              "status", text(a.meta, "status").toLowerCase(java.util.Locale.ROOT),
              "published_at",
                  published == null
                      ? null
                      : Timestamp.from(
                          LocalDate.parse(published).atStartOfDay(ZoneOffset.UTC).toInstant()),
              "reading_time_minutes", MarkdownRenderer.readingTimeMinutes(a.body)));
    }
    int loaded = db.batch(UPSERT_ARTICLE, rows);

    Map<String, Long> ids = MethodSeeder.seedIds(db, "article");
    Map<String, Long> methods = MethodSeeder.seedIds(db, "method");
    Map<String, Long> datasets = MethodSeeder.seedIds(db, "dataset");
    Map<String, String> tagSlugs = SeedLoader.currentTagSlugs(db);
    List<Map<String, Object>> tags = new ArrayList<>();
    List<Map<String, Object>> paperLinks = new ArrayList<>();
    List<Map<String, Object>> methodLinks = new ArrayList<>();
    List<Map<String, Object>> datasetLinks = new ArrayList<>();
    for (Parsed a : articles) {
      Long id = ids.get(text(a.meta, "slug"));
      if (id == null) {
        continue; // left out above: its slug belongs to another item
      }
      list(a.meta, "tags")
          .forEach(
              t ->
                  tags.add(
                      Jdbc.row(
                          "article_id",
                          id,
                          "tag_slug",
                          tagSlugs.getOrDefault(t.asText(), t.asText()))));
      JsonNode related = a.meta.path("related");
      for (JsonNode doi : list(related, "papers")) {
        long paper =
            papers
                .resolveDoi(doi.asText())
                .orElseThrow(
                    () -> new IllegalStateException("Article " + id + " cites unknown DOI " + doi));
        paperLinks.add(Jdbc.row("article_id", id, "paper_id", paper));
      }
      for (JsonNode m : list(related, "methods")) {
        methodLinks.add(
            Jdbc.row(
                "article_id",
                id,
                "method_id",
                MethodSeeder.required(methods, m.asText(), "method", a.meta)));
      }
      for (JsonNode d : list(related, "datasets")) {
        datasetLinks.add(
            Jdbc.row(
                "article_id",
                id,
                "dataset_id",
                MethodSeeder.required(datasets, d.asText(), "dataset", a.meta)));
      }
    }
    db.batch(
        "INSERT INTO article_tag VALUES (:article_id, :tag_slug) ON CONFLICT DO NOTHING", tags);
    db.batch(
        "INSERT INTO article_paper VALUES (:article_id, :paper_id) ON CONFLICT DO NOTHING",
        paperLinks);
    db.batch(
        "INSERT INTO article_method VALUES (:article_id, :method_id) ON CONFLICT DO NOTHING",
        methodLinks);
    db.batch(
        "INSERT INTO article_dataset VALUES (:article_id, :dataset_id) ON CONFLICT DO NOTHING",
        datasetLinks);
    return loaded;
  }

  private Parsed parse(String file, String text) {
    String normalized = text.replace("\r\n", "\n");
    if (!normalized.startsWith("---\n")) {
      throw new IllegalStateException("Article " + file + " has no front matter");
    }
    int end = normalized.indexOf("\n---\n", 4);
    if (end < 0) {
      throw new IllegalStateException("Article " + file + " has unterminated front matter");
    }
    try {
      JsonNode meta = yaml.readTree(normalized.substring(4, end));
      return new Parsed(meta, normalized.substring(end + 5).strip() + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("Article " + file + " has invalid front matter", e);
    }
  }

  private record Parsed(JsonNode meta, String body) {}
}
