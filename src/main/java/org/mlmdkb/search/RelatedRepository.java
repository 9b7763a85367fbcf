package org.mlmdkb.search;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mlmdkb.search.SearchDtos.RelatedPaper;

/** Papers related to one paper, by what they share and by title similarity. */
@ApplicationScoped
public class RelatedRepository {

  /**
   * Weights: a shared method counts 3 (the most specific link), a shared dataset 2, a shared tag 1
   * (tags are broad), and title trigram similarity up to 4 (so a near-identical title, e.g. a
   * preprint and its journal version, ranks high even with no curated links).
   */
  private static final String RELATED =
      """
      WITH me AS (SELECT id, title FROM paper WHERE id = ?),
      cand AS (
          SELECT pm2.paper_id AS id, 3.0 AS s, 'm' AS k, x.slug
          FROM me JOIN paper_method pm ON pm.paper_id = me.id
          JOIN paper_method pm2 ON pm2.method_id = pm.method_id AND pm2.paper_id <> me.id
          JOIN method x ON x.id = pm.method_id AND x.deleted_at IS NULL
          UNION ALL
          SELECT pd2.paper_id, 2.0, 'd', x.slug
          FROM me JOIN paper_dataset pd ON pd.paper_id = me.id
          JOIN paper_dataset pd2 ON pd2.dataset_id = pd.dataset_id AND pd2.paper_id <> me.id
          JOIN dataset x ON x.id = pd.dataset_id AND x.deleted_at IS NULL
          UNION ALL
          SELECT pt2.paper_id, 1.0, 't', pt.tag_slug
          FROM me JOIN paper_tag pt ON pt.paper_id = me.id
          JOIN paper_tag pt2 ON pt2.tag_slug = pt.tag_slug AND pt2.paper_id <> me.id
          UNION ALL
          SELECT p.id, 4.0 * similarity(p.title, me.title), 's', NULL
          FROM me JOIN paper p ON p.title % me.title AND p.id <> me.id)
      SELECT c.id, p.title, p.year, sum(c.s)::float8 AS score,
             coalesce(array_agg(DISTINCT c.slug) FILTER (WHERE c.k = 'm'), '{}'),
             coalesce(array_agg(DISTINCT c.slug) FILTER (WHERE c.k = 'd'), '{}'),
             coalesce(array_agg(DISTINCT c.slug) FILTER (WHERE c.k = 't'), '{}')
      FROM cand c JOIN paper p ON p.id = c.id
      WHERE p.deleted_at IS NULL
      GROUP BY c.id, p.title, p.year
      ORDER BY score DESC, c.id
      LIMIT ?
      """;

  private final AgroalDataSource dataSource;

  public RelatedRepository(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  public List<RelatedPaper> listRelated(long paperId, int limit) throws SQLException {
    List<RelatedPaper> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(RELATED)) {
      ps.setLong(1, paperId);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new RelatedPaper(
                  rs.getLong(1),
                  rs.getString(2),
                  (Integer) rs.getObject(3),
                  Math.round(rs.getDouble(4) * 1000) / 1000.0,
                  texts(rs, 5),
                  texts(rs, 6),
                  texts(rs, 7)));
        }
      }
    }
    return out;
  }

  private static List<String> texts(ResultSet rs, int column) throws SQLException {
    Array a = rs.getArray(column);
    return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
  }
}
