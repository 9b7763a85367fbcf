package org.mlmdkb.curation;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mlmdkb.common.db.replica.ReadDataSource;

/**
 * Streams the public corpus, table by table, from one consistent snapshot. Rows are rendered by
 * PostgreSQL (to_jsonb) and fetched in batches, so memory stays flat whatever the corpus size. API
 * keys, the change history and seed bookkeeping are not corpus and never leave.
 */
@ApplicationScoped
public class CorpusDump {

  public static final String FORMAT = "mlmd-kb-dump/1";

  private static final String LIVE_PAPERS = "(SELECT id FROM live_paper)";
  private static final String LIVE_METHODS = "(SELECT id FROM live_method)";
  private static final String LIVE_DATASETS = "(SELECT id FROM live_dataset)";
  private static final String LIVE_TAGS = "(SELECT slug FROM live_tag)";
  private static final String PUBLIC_ARTICLES =
      "(SELECT id FROM live_article WHERE status = 'published')";

  /**
   * Table → the query of its rows. The dump is public, so it holds what readers can see: no
   * soft-deleted item, no draft, and no link row with either end hidden.
   */
  private static final Map<String, String> TABLES = new LinkedHashMap<>();

  static {
    TABLES.put("source", "SELECT to_jsonb(t) FROM source t ORDER BY id");
    TABLES.put("tag", live("tag", "slug"));
    // Authors are not soft-deletable themselves; one is public through a live paper only.
    TABLES.put(
        "author",
        "SELECT to_jsonb(t) FROM author t WHERE id IN (SELECT author_id FROM paper_author"
            + " WHERE paper_id IN "
            + LIVE_PAPERS
            + ") ORDER BY id");
    TABLES.put("paper", live("paper", "id"));
    TABLES.put("paper_author", links("paper_author", "paper_id IN " + LIVE_PAPERS));
    TABLES.put(
        "paper_tag",
        links("paper_tag", "paper_id IN " + LIVE_PAPERS + " AND tag_slug IN " + LIVE_TAGS));
    TABLES.put("paper_source", links("paper_source", "paper_id IN " + LIVE_PAPERS));
    TABLES.put(
        "paper_method",
        links("paper_method", "paper_id IN " + LIVE_PAPERS + " AND method_id IN " + LIVE_METHODS));
    TABLES.put(
        "paper_dataset",
        links(
            "paper_dataset", "paper_id IN " + LIVE_PAPERS + " AND dataset_id IN " + LIVE_DATASETS));
    TABLES.put("dataset", live("dataset", "id"));
    TABLES.put("dataset_subset", links("dataset_subset", "dataset_id IN " + LIVE_DATASETS));
    TABLES.put("dataset_source", links("dataset_source", "dataset_id IN " + LIVE_DATASETS));
    TABLES.put("method", live("method", "id"));
    TABLES.put(
        "method_lineage",
        links(
            "method_lineage", "child_id IN " + LIVE_METHODS + " AND parent_id IN " + LIVE_METHODS));
    TABLES.put("method_source", links("method_source", "method_id IN " + LIVE_METHODS));
    TABLES.put(
        "method_training_dataset",
        links(
            "method_training_dataset",
            "method_id IN " + LIVE_METHODS + " AND dataset_id IN " + LIVE_DATASETS));
    // The metric registry says how to read and rank the results that follow.
    TABLES.put("metric", live("metric", "name"));
    TABLES.put("benchmark_result", live("benchmark_result", "id"));
    TABLES.put(
        "article",
        "SELECT to_jsonb(t) - 'deleted_at' - 'search_vector' FROM article t WHERE id IN "
            + PUBLIC_ARTICLES
            + " ORDER BY id");
    TABLES.put(
        "article_tag",
        links("article_tag", "article_id IN " + PUBLIC_ARTICLES + " AND tag_slug IN " + LIVE_TAGS));
    TABLES.put(
        "article_method",
        links(
            "article_method",
            "article_id IN " + PUBLIC_ARTICLES + " AND method_id IN " + LIVE_METHODS));
    TABLES.put(
        "article_dataset",
        links(
            "article_dataset",
            "article_id IN " + PUBLIC_ARTICLES + " AND dataset_id IN " + LIVE_DATASETS));
    TABLES.put(
        "article_paper",
        links(
            "article_paper",
            "article_id IN " + PUBLIC_ARTICLES + " AND paper_id IN " + LIVE_PAPERS));
  }

  /**
   * A soft-deletable table's live rows, read from its live_ view (V170), whose columns are the
   * table's; deleted_at and the derived search column are dropped.
   */
  private static String live(String table, String order) {
    return "SELECT to_jsonb(t) - 'deleted_at' - 'search_vector' FROM live_"
        + table
        + " t ORDER BY "
        + order;
  }

  private static String links(String table, String condition) {
    return "SELECT to_jsonb(t) FROM " + table + " t WHERE " + condition + " ORDER BY 1";
  }

  private final ReadDataSource dataSource;
  private final JsonFactory factory = new JsonFactory();

  public CorpusDump(ReadDataSource dataSource) {
    this.dataSource = dataSource;
  }

  public void writeTo(OutputStream out) throws IOException, SQLException {
    try (Connection c = dataSource.getConnection()) {
      // A cursor needs a transaction; REPEATABLE READ makes all tables one snapshot.
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setReadOnly(true);
      try (JsonGenerator json = factory.createGenerator(out, JsonEncoding.UTF8)) {
        json.writeStartObject();
        json.writeStringField("format", FORMAT);
        json.writeStringField("generated_at", OffsetDateTime.now().toString());
        json.writeObjectFieldStart("tables");
        for (Map.Entry<String, String> table : TABLES.entrySet()) {
          json.writeArrayFieldStart(table.getKey());
          try (PreparedStatement ps = c.prepareStatement(table.getValue())) {
            ps.setFetchSize(500);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                json.writeRawValue(rs.getString(1));
              }
            }
          }
          json.writeEndArray();
          json.flush();
        }
        json.writeEndObject();
        json.writeEndObject();
      } finally {
        c.rollback();
      }
    }
  }
}
