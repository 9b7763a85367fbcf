package org.mlmdkb.tag;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.Query;
import org.mlmdkb.common.db.Sql;
import org.mlmdkb.common.db.replica.ReadDataSource;
import org.mlmdkb.common.db.replica.ReplicaFallback;

/** The live taxonomy with usage counts (live papers, published live articles), in one statement. */
@ReplicaFallback
@ApplicationScoped
public class TagRepository {

  private static final String TAGS_WITH_COUNTS =
      """
      SELECT t.slug, t.label, t.parent_slug,
             (SELECT count(*) FROM paper_tag pt JOIN live_paper p ON p.id = pt.paper_id
               WHERE pt.tag_slug = t.slug) AS paper_count,
             (SELECT count(*) FROM article_tag at JOIN live_article a ON a.id = at.article_id
               WHERE at.tag_slug = t.slug AND a.status = 'published') AS article_count
      FROM live_tag t
      """;

  private final ReadDataSource dataSource;

  public TagRepository(ReadDataSource dataSource) {
    this.dataSource = dataSource;
  }

  public List<TagDto> listWithCounts() throws SQLException {
    return query(TAGS_WITH_COUNTS + " ORDER BY t.parent_slug NULLS FIRST, t.slug", null);
  }

  public Optional<TagDto> findLive(String slug) throws SQLException {
    return query(TAGS_WITH_COUNTS + " WHERE t.slug = :slug", slug).stream().findFirst();
  }

  /** The rows of {@code sql}, with {@code :slug} bound when a slug is given. */
  private List<TagDto> query(String sql, String slug) throws SQLException {
    return Sql.with(
        dataSource,
        h -> {
          Query query = h.createQuery(sql);
          if (slug != null) {
            query.bind("slug", slug);
          }
          return query
              .map(
                  (rs, ctx) ->
                      new TagDto(
                          rs.getString(1),
                          rs.getString(2),
                          rs.getString(3),
                          rs.getLong(4),
                          rs.getLong(5)))
              .list();
        });
  }

  /** A tag with how many live papers and published articles carry it directly. */
  public record TagDto(
      String slug, String label, String parent, long paperCount, long articleCount) {}
}
