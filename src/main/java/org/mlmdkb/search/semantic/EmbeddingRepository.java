package org.mlmdkb.search.semantic;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.mlmdkb.common.db.Sql;

/**
 * The stored embeddings (table item_embedding) and the texts they are made from. Each text is
 * defined once, in SQL below, and hashed by PostgreSQL: a vector is current when its model is the
 * running one and its hash is that of the item's text now. Runs on a connection the caller owns, so
 * an index rebuild reads vectors in the same snapshot as the documents.
 */
public final class EmbeddingRepository {

  /** An item's text as embedded, with its SHA-256. */
  public record ItemText(long id, String text, byte[] sha256) {}

  /** A vector to store, for the text version it was made from. */
  public record NewVector(long id, byte[] textSha256, float[] vector) {}

  /**
   * What is embedded of each kind: the live rows' text. Long texts are cut, since the model reads
   * at most 256 word pieces of a text anyway (longer texts would be embedded in parts and averaged,
   * which costs more and says little more).
   */
  public enum Kind {
    PAPER(
        "paper",
        """
        SELECT id, left(title || coalesce(E'\\n\\n' || nullif(btrim(abstract), ''), ''), 2000)
               AS text
        FROM live_paper
        """),
    METHOD(
        "method",
        """
        SELECT id, left(name || coalesce(E'\\n\\n' || nullif(btrim(description), ''), ''), 2000)
               AS text
        FROM live_method
        """),
    DATASET(
        "dataset",
        """
        SELECT id, left(name || coalesce(E'\\n\\n' || nullif(btrim(description), ''), ''), 2000)
               AS text
        FROM live_dataset
        """),
    ARTICLE(
        "article",
        """
        SELECT id, left(title || coalesce(E'\\n\\n' || nullif(btrim(summary), ''), ''), 2000)
               AS text
        FROM live_article WHERE status = 'published'
        """);

    private final String wire;
    private final String texts;
    private final String textsOf;
    private final String currentVectors;
    private final String stale;
    private final String orphans;

    Kind(String wire, String liveTexts) {
      this.wire = wire;
      this.texts = liveTexts;
      this.textsOf =
          """
          SELECT t.id, t.text, sha256(convert_to(t.text, 'UTF8'))
          FROM (%s) t WHERE t.id = ANY(:ids)
          """
              .formatted(liveTexts);
      this.currentVectors =
          """
          SELECT e.item_id, e.vector
          FROM (%s) t
          JOIN item_embedding e ON e.kind = :kind AND e.item_id = t.id AND e.model = :model
               AND e.text_sha256 = sha256(convert_to(t.text, 'UTF8'))
          WHERE t.id = ANY(:ids)
          """
              .formatted(liveTexts);
      this.stale =
          """
          SELECT t.id
          FROM (%s) t
          LEFT JOIN item_embedding e ON e.kind = :kind AND e.item_id = t.id AND e.model = :model
               AND e.text_sha256 = sha256(convert_to(t.text, 'UTF8'))
          WHERE e.item_id IS NULL AND t.id > :after_id
          ORDER BY t.id
          LIMIT :limit
          """
              .formatted(liveTexts);
      this.orphans =
          """
          DELETE FROM item_embedding e
          WHERE e.kind = :kind AND NOT EXISTS (SELECT 1 FROM %s x WHERE x.id = e.item_id)
          """
              .formatted(wire);
    }

    public String wire() {
      return wire;
    }

    public static Kind of(String wire) {
      for (Kind k : values()) {
        if (k.wire.equals(wire)) {
          return k;
        }
      }
      throw new IllegalArgumentException("no embedded kind " + wire);
    }

    String liveTexts() {
      return texts;
    }
  }

  private static final String UPSERT =
      """
      INSERT INTO item_embedding (kind, item_id, model, text_sha256, dimensions, vector)
      VALUES (:kind, :item_id, :model, :text_sha256, :dimensions, :vector)
      ON CONFLICT (kind, item_id) DO UPDATE
      SET model = excluded.model, text_sha256 = excluded.text_sha256,
          dimensions = excluded.dimensions, vector = excluded.vector, embedded_at = now()
      WHERE item_embedding.model <> excluded.model
         OR item_embedding.text_sha256 <> excluded.text_sha256
      """;

  private static final String COUNT_BY_MODEL =
      "SELECT count(*) FROM item_embedding WHERE model = :model";

  private EmbeddingRepository() {}

  /** The live items' texts with their hashes; ids not live are left out. */
  public static List<ItemText> texts(Connection c, Kind kind, Collection<Long> ids)
      throws SQLException {
    return Sql.listByIds(
        c,
        kind.textsOf,
        ids,
        (rs, ctx) -> new ItemText(rs.getLong(1), rs.getString(2), rs.getBytes(3)));
  }

  /** The current vectors of these items under {@code model}; stale and missing ones are absent. */
  public static Map<Long, float[]> currentVectors(
      Connection c, Kind kind, String model, Collection<Long> ids) throws SQLException {
    Map<Long, float[]> out = new LinkedHashMap<>();
    if (ids.isEmpty() || model == null) {
      return out;
    }
    return Sql.query(
        c,
        kind.currentVectors,
        q ->
            q.bind("kind", kind.wire)
                .bind("model", model)
                .bind("ids", ids.toArray(Long[]::new))
                .reduceResultSet(
                    out,
                    (vectors, rs, ctx) -> {
                      vectors.put(rs.getLong(1), decode(rs.getBytes(2)));
                      return vectors;
                    }));
  }

  /** Live items after {@code afterId} with no current vector, in id order (a page of them). */
  public static List<Long> staleIds(Connection c, Kind kind, String model, long afterId, int limit)
      throws SQLException {
    return Sql.query(
        c,
        kind.stale,
        q ->
            q.bind("kind", kind.wire)
                .bind("model", model)
                .bind("after_id", afterId)
                .bind("limit", limit)
                .mapTo(Long.class)
                .list());
  }

  /**
   * Stores vectors; a row already holding the same model and text version is left alone, so it
   * produces no change row and no re-indexing.
   */
  public static void store(Connection c, Kind kind, String model, List<NewVector> vectors)
      throws SQLException {
    if (vectors.isEmpty()) {
      return;
    }
    Sql.use(
        c,
        h -> {
          PreparedBatch batch = h.prepareBatch(UPSERT);
          for (NewVector v : vectors) {
            batch
                .bind("kind", kind.wire)
                .bind("item_id", v.id())
                .bind("model", model)
                .bind("text_sha256", v.textSha256())
                .bind("dimensions", v.vector().length)
                .bind("vector", encode(v.vector()))
                .add();
          }
          batch.execute();
        });
  }

  /** Forgets vectors of items that no longer exist at all (soft-deleted ones are kept). */
  public static int deleteOrphans(Connection c, Kind kind) throws SQLException {
    return Sql.with(c, h -> h.createUpdate(kind.orphans).bind("kind", kind.wire).execute());
  }

  public static long countByModel(Connection c, String model) throws SQLException {
    return Sql.query(c, COUNT_BY_MODEL, q -> q.bind("model", model).mapTo(Long.class).one());
  }

  static byte[] encode(float[] v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(v);
    return b.array();
  }

  static float[] decode(byte[] bytes) {
    float[] v = new float[bytes.length / 4];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
    return v;
  }
}
