package org.mlmdkb.article;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.mlmdkb.article.ArticleDtos.ArticleSummary;
import org.mlmdkb.article.ArticleDtos.ItemLink;
import org.mlmdkb.article.ArticleDtos.PaperLink;
import org.mlmdkb.common.db.Sql;
import org.mlmdkb.common.db.SqlQuery;
import org.mlmdkb.common.db.replica.ReadDataSource;
import org.mlmdkb.common.db.replica.ReplicaFallback;

/**
 * Article queries; readers see published, live articles only, curators also drafts (never deleted
 * ones). Tags list only live tags.
 */
@ReplicaFallback
@ApplicationScoped
public class ArticleRepository {

  private static final String SELECT =
      """
      SELECT a.id, a.slug, a.title, a.summary, a.authors, a.published_at, a.updated_at,
             a.reading_time_minutes, a.body_markdown, a.body_html, a.status,
             ARRAY(SELECT at.tag_slug FROM article_tag at JOIN live_tag t ON t.slug = at.tag_slug
                   WHERE at.article_id = a.id
                   ORDER BY at.tag_slug) AS tags
      FROM live_article a
      """;

  private static final String TAG_FILTER =
      """
      EXISTS (SELECT 1 FROM article_tag at WHERE at.article_id = a.id AND at.tag_slug IN (
          WITH RECURSIVE sub(slug) AS (
              SELECT slug FROM live_tag WHERE slug = :tag
              UNION SELECT t.slug FROM tag t JOIN sub ON t.parent_slug = sub.slug)
          SELECT slug FROM sub))
      """;

  private static final RowMapper<Row> ROW = (rs, ctx) -> row(rs);

  private final ReadDataSource dataSource;

  public ArticleRepository(ReadDataSource dataSource) {
    this.dataSource = dataSource;
  }

  public record Row(
      long id, ArticleSummary summary, String bodyMarkdown, String bodyHtml, String status) {}

  /** Published articles, newest first (or oldest first), after the keyset (published_at, id). */
  public List<Row> listPublished(String tag, boolean newestFirst, List<String> after, int limit)
      throws SQLException {
    SqlQuery query = published(tag);
    String dir = newestFirst ? "DESC" : "ASC";
    if (after != null) {
      query
          .where(
              "(a.published_at, a.id) "
                  + (newestFirst ? "<" : ">")
                  + " (:after_published_at::timestamptz, :after_id)")
          .bind("after_published_at", after.get(0))
          .bind("after_id", Long.parseLong(after.get(1)));
    }
    String sql =
        SELECT
            + query.whereClause()
            + " ORDER BY a.published_at "
            + dir
            + ", a.id "
            + dir
            + " LIMIT :limit";
    query.bind("limit", limit);
    return Sql.with(dataSource, h -> query.query(h, sql).map(ROW).list());
  }

  public long countPublished(String tag) throws SQLException {
    return published(tag).count(dataSource, "live_article a");
  }

  private static SqlQuery published(String tag) {
    SqlQuery query = new SqlQuery().where("a.status = 'published'"); // a: live_article
    if (tag != null) {
      query.where(TAG_FILTER, "tag", tag);
    }
    return query;
  }

  /** A live article by slug; drafts only when {@code includeDrafts}. */
  public Optional<Row> find(String slug, boolean includeDrafts) throws SQLException {
    SqlQuery query =
        includeDrafts
            ? new SqlQuery().where("a.slug = :slug", "slug", slug)
            : published(null).where("a.slug = :slug", "slug", slug);
    return Sql.with(
        dataSource, h -> query.query(h, SELECT + query.whereClause()).map(ROW).findOne());
  }

  public List<PaperLink> papers(long articleId) throws SQLException {
    return Sql.query(
        dataSource,
        "SELECT p.id, p.title, p.year, p.doi FROM article_paper ap JOIN live_paper p"
            + " ON p.id = ap.paper_id WHERE ap.article_id = :article_id"
            + " ORDER BY p.year, p.id",
        q ->
            q.bind("article_id", articleId)
                .map(
                    (rs, ctx) ->
                        new PaperLink(
                            rs.getLong(1),
                            rs.getString(2),
                            (Integer) rs.getObject(3),
                            rs.getString(4)))
                .list());
  }

  /** Linked methods or datasets ({@code kind} is a fixed query, never request text). */
  public List<ItemLink> links(long articleId, LinkKind kind) throws SQLException {
    return Sql.query(
        dataSource,
        kind.sql,
        q ->
            q.bind("article_id", articleId)
                .map((rs, ctx) -> new ItemLink(rs.getString(1), rs.getString(2)))
                .list());
  }

  /** The kinds of items an article links to by slug. */
  public enum LinkKind {
    METHOD(
        "SELECT m.slug, m.name FROM article_method am JOIN live_method m ON m.id = am.method_id"
            + " WHERE am.article_id = :article_id ORDER BY m.slug"),
    DATASET(
        "SELECT d.slug, d.name FROM article_dataset ad JOIN live_dataset d ON d.id = ad.dataset_id"
            + " WHERE ad.article_id = :article_id ORDER BY d.slug");

    private final String sql;

    LinkKind(String sql) {
      this.sql = sql;
    }
  }

  private static Row row(ResultSet rs) throws SQLException {
    Array authors = rs.getArray("authors");
    Array tags = rs.getArray("tags");
    return new Row(
        rs.getLong("id"),
        new ArticleSummary(
            rs.getString("slug"),
            rs.getString("title"),
            rs.getString("summary"),
            Arrays.asList((String[]) authors.getArray()),
            Arrays.asList((String[]) tags.getArray()),
            rs.getObject("published_at", OffsetDateTime.class),
            rs.getObject("updated_at", OffsetDateTime.class),
            rs.getInt("reading_time_minutes")),
        rs.getString("body_markdown"),
        rs.getString("body_html"),
        rs.getString("status"));
  }
}
