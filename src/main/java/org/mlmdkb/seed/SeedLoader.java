package org.mlmdkb.seed;

import static org.mlmdkb.seed.Jdbc.list;
import static org.mlmdkb.seed.Jdbc.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mlmdkb.article.MarkdownRenderer;
import org.mlmdkb.common.config.KbConfig;
import org.mlmdkb.common.db.Sql;

/**
 * Loads the shipped corpus on start, in one transaction. Every seeded row is keyed by its seed key
 * (never by a slug a curator may rename): a new key is inserted, a known one takes corrected seed
 * values unless a curator changed that item since (see {@link SeedUpsert}), so a second load
 * changes nothing; an unchanged corpus (same checksum) is not even read.
 */
@ApplicationScoped
public class SeedLoader {

  private final AgroalDataSource dataSource;
  private final MarkdownRenderer renderer;
  private final boolean enabled;

  public SeedLoader(AgroalDataSource dataSource, MarkdownRenderer renderer, KbConfig config) {
    this.dataSource = dataSource;
    this.renderer = renderer;
    this.enabled = config.seed().enabled();
  }

  void onStart(@Observes StartupEvent event) throws SQLException {
    if (enabled) {
      load();
    }
  }

  /** Loads what is missing; returns a one-line summary of the rows it wrote. */
  @Transactional
  public String load() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return loadInto(connection);
    }
  }

  /**
   * Loads on {@code connection}, inside the caller's transaction (never autocommit: the lock below
   * lasts as long as the transaction). Instances starting together on one database queue on an
   * advisory lock, so the first loads and the others then find its checksum and skip.
   */
  String loadInto(Connection connection) throws SQLException {
    SeedFiles files = new SeedFiles();
    String checksum = files.checksum();
    new SeedLock(connection).await();
    return Sql.with(connection, h -> loadInto(new Jdbc(h), files, checksum));
  }

  private String loadInto(Jdbc db, SeedFiles files, String checksum) throws SQLException {
    if (db.exists(
        "SELECT 1 FROM seed_load WHERE checksum = :checksum", Jdbc.row("checksum", checksum))) {
      Log.infof("Seed corpus %s already loaded", checksum.substring(0, 12));
      return "unchanged";
    }
    long started = System.nanoTime();
    int sources = loadSources(db, files.json("sources.json"));
    int tags = loadTags(db, files.json("tags.json"));
    int papers = new PaperSeeder().load(db, files.json("papers.json"));
    PaperRefs refs = new PaperRefs(db);
    List<JsonNode> allDatasets = new ArrayList<>(list(files.json("datasets.json"), "datasets"));
    allDatasets.addAll(list(files.json("benchmark-datasets.json"), "datasets"));
    int datasets = new DatasetSeeder().load(db, refs, allDatasets);
    int methods = new MethodSeeder().load(db, refs, files.json("methods.json"));
    int results = new ResultSeeder().load(db, refs, files.json("results.json"));
    int articles = new ArticleSeeder(renderer).load(db, refs, files);
    String summary =
        String.format(
            "inserted or corrected %d sources, %d tags, %d papers, %d datasets, %d methods,"
                + " %d results, %d articles",
            sources, tags, papers, datasets, methods, results, articles);
    db.update(
        "INSERT INTO seed_load (checksum, summary) VALUES (:checksum, :summary)",
        Jdbc.row("checksum", checksum, "summary", summary));
    Log.infof(
        "Seed corpus %s loaded in %d ms: %s",
        checksum.substring(0, 12), (System.nanoTime() - started) / 1_000_000, summary);
    return summary;
  }

  private static int loadSources(Jdbc db, JsonNode file) throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JsonNode s : list(file, "sources")) {
      rows.add(
          Jdbc.row(
              "id", text(s, "id"),
              "name", text(s, "name"),
              "repository", text(s, "repository"),
              "commit_sha", text(s, "commit"),
              "licence", text(s, "licence"),
              "licence_url", text(s, "licence_url"),
              "url", text(s, "url"),
              "description", text(s, "description")));
    }
    return db.batch(
        "INSERT INTO source (id, name, repository, commit_sha, licence, licence_url, url,"
            + " description) VALUES (:id, :name, :repository, :commit_sha, :licence, :licence_url,"
            + " :url, :description) ON CONFLICT (id) DO NOTHING",
        rows);
  }

  /**
   * Parents are listed before children in tags.json, so one ordered batch suffices. A parent a
   * curator renamed is referenced by its current slug.
   */
  private static int loadTags(Jdbc db, JsonNode file) throws SQLException {
    Map<String, String> slugOwners = db.texts("SELECT slug, seed_key FROM tag");
    Map<String, String> slugs = currentTagSlugs(db);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JsonNode t : list(file, "tags")) {
      String slug = text(t, "slug");
      if (Jdbc.slugHeldByAnother(slugOwners, slug, slug)) {
        continue;
      }
      String parent = text(t, "parent");
      rows.add(
          Jdbc.row(
              "seed_key",
              slug,
              "slug",
              slug,
              "label",
              text(t, "label"),
              "parent_slug",
              parent == null ? null : slugs.getOrDefault(parent, parent)));
    }
    return db.batch(
        SeedUpsert.sql("tag", "tags", List.of("slug"), List.of("label", "parent_slug")), rows);
  }

  /** Seed key → the slug that tag has now (a curator may have renamed it). */
  static Map<String, String> currentTagSlugs(Jdbc db) throws SQLException {
    return db.texts("SELECT seed_key, slug FROM tag WHERE seed_key IS NOT NULL");
  }
}
