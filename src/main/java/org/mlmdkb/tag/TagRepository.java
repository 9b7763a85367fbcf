package org.mlmdkb.tag;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The taxonomy with usage counts, in one statement. */
@ApplicationScoped
public class TagRepository {

  private static final String TAGS_WITH_COUNTS =
      """
      SELECT t.slug, t.label, t.parent_slug,
             (SELECT count(*) FROM paper_tag pt WHERE pt.tag_slug = t.slug) AS paper_count,
             (SELECT count(*) FROM article_tag at JOIN article a ON a.id = at.article_id
               WHERE at.tag_slug = t.slug AND a.status = 'published') AS article_count
      FROM tag t
      ORDER BY t.parent_slug NULLS FIRST, t.slug
      """;

  private final AgroalDataSource dataSource;

  public TagRepository(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  public List<TagDto> listWithCounts() throws SQLException {
    List<TagDto> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(TAGS_WITH_COUNTS);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new TagDto(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)));
      }
    }
    return out;
  }

  /** A tag with how many papers and published articles carry it directly. */
  public record TagDto(
      String slug, String label, String parent, long paperCount, long articleCount) {}
}
