package org.mlmdkb.curation.exports;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.agroal.api.AgroalDataSource;
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

/**
 * Streams the public corpus, table by table, from one consistent snapshot. Rows are rendered by
 * PostgreSQL (to_jsonb) and fetched in batches, so memory stays flat whatever the corpus size. API
 * keys, the change history and seed bookkeeping are not corpus and never leave.
 */
@ApplicationScoped
public class CorpusDump {

  public static final String FORMAT = "mlmd-kb-dump/1";

  private static final String LIVE_PAPERS = "(SELECT id FROM paper WHERE deleted_at IS NULL)";
  private static final String PUBLISHED_ARTICLES =
      "(SELECT id FROM article WHERE status = 'published')";

  /** Table → the query of its rows; soft-deleted papers and their links are left out. */
  private static final Map<String, String> TABLES = new LinkedHashMap<>();

  static {
    TABLES.put("source", "SELECT to_jsonb(t) FROM source t ORDER BY id");
    TABLES.put("tag", "SELECT to_jsonb(t) FROM tag t ORDER BY slug");
    TABLES.put("author", "SELECT to_jsonb(t) FROM author t ORDER BY id");
    TABLES.put(
        "paper",
        "SELECT to_jsonb(t) - 'deleted_at' - 'search_vector' FROM paper t WHERE deleted_at IS NULL ORDER BY id");
    for (String link :
        new String[] {
          "paper_author", "paper_tag", "paper_source", "paper_method", "paper_dataset"
        }) {
      TABLES.put(
          link,
          "SELECT to_jsonb(t) FROM "
              + link
              + " t WHERE paper_id IN "
              + LIVE_PAPERS
              + " ORDER BY 1");
    }
    for (String table :
        new String[] {
          "dataset",
          "dataset_subset",
          "dataset_source",
          "method",
          "method_lineage",
          "method_source",
          "method_training_dataset",
          "benchmark_result"
        }) {
      // search_vector is a derived search column, not content.
      TABLES.put(table, "SELECT to_jsonb(t) - 'search_vector' FROM " + table + " t ORDER BY 1");
    }
    // The dump is public: drafts and their links stay out, as on every public endpoint.
    TABLES.put(
        "article",
        "SELECT to_jsonb(t) - 'search_vector' FROM article t WHERE status = 'published'"
            + " ORDER BY 1");
    for (String link : new String[] {"article_tag", "article_method", "article_dataset"}) {
      TABLES.put(
          link,
          "SELECT to_jsonb(t) FROM "
              + link
              + " t WHERE article_id IN "
              + PUBLISHED_ARTICLES
              + " ORDER BY 1");
    }
    TABLES.put(
        "article_paper",
        "SELECT to_jsonb(t) FROM article_paper t WHERE paper_id IN "
            + LIVE_PAPERS
            + " AND article_id IN "
            + PUBLISHED_ARTICLES
            + " ORDER BY 1");
  }

  private final AgroalDataSource dataSource;
  private final JsonFactory factory = new JsonFactory();

  public CorpusDump(AgroalDataSource dataSource) {
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
