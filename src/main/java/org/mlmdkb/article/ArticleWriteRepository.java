package org.mlmdkb.article;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Writes articles with their tags and links to papers, methods and datasets. Callers run inside one
 * transaction, so the connection (and the row lock taken by {@link #lockLive}) is shared by every
 * statement.
 */
@ApplicationScoped
public class ArticleWriteRepository {

  /** Another article holding a slug, and whether it is soft-deleted. */
  public record Holder(long id, boolean deleted) {}

  /** What the server derives from the Markdown, by the same code as the seed loader. */
  private record Rendered(String html, int readingTimeMinutes) {}

  // published_at is set the first time an article is published and then kept, through later edits
  // and through unpublishing, so republishing does not move an article to the top of the list.
  private static final String INSERT =
      """
      INSERT INTO article (slug, title, summary, body_markdown, body_html, authors, status,
                           reading_time_minutes, published_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, CASE WHEN ? = 'published' THEN now() END)
      RETURNING id
      """;

  private static final String UPDATE =
      """
      UPDATE article SET (slug, title, summary, body_markdown, body_html, authors, status,
                          reading_time_minutes, published_at, updated_at)
        = (?, ?, ?, ?, ?, ?, ?, ?,
           CASE WHEN published_at IS NULL AND ? = 'published' THEN now() ELSE published_at END,
           now())
      WHERE id = ?
      """;

  private final AgroalDataSource dataSource;
  private final MarkdownRenderer renderer;

  public ArticleWriteRepository(AgroalDataSource dataSource, MarkdownRenderer renderer) {
    this.dataSource = dataSource;
    this.renderer = renderer;
  }

  public long insert(ArticleInput a) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(INSERT)) {
      bind(c, ps, a);
      long id;
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
      replaceLinks(c, id, a);
      return id;
    }
  }

  public void update(long id, ArticleInput a) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(UPDATE)) {
      bind(c, ps, a);
      ps.setLong(10, id);
      ps.executeUpdate();
      replaceLinks(c, id, a);
    }
  }

  /**
   * Locks a live article's row until the transaction ends, so concurrent writers of one article run
   * one after the other and the second sees the first's result (and its new ETag).
   */
  /** A row lock only holds inside the caller's transaction; without one it would end at once. */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean lockLive(long id) throws SQLException {
    return exists("SELECT 1 FROM live_article WHERE id = ? FOR UPDATE", id);
  }

  public Optional<Long> idOf(String slug, boolean includeDeleted) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT id FROM "
                    + (includeDeleted ? "article" : "live_article")
                    + " WHERE slug = ?")) {
      ps.setString(1, slug);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  public String slugOf(long id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT slug FROM article WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  public boolean softDelete(long id) throws SQLException {
    return execute(
        "UPDATE live_article SET deleted_at = now(), updated_at = now() WHERE id = ?", id);
  }

  public boolean restore(long id) throws SQLException {
    return execute(
        "UPDATE article SET deleted_at = NULL, updated_at = now()"
            + " WHERE id = ? AND deleted_at IS NOT NULL",
        id);
  }

  public Optional<Holder> holderOfSlug(String slug, Long exceptId) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, deleted_at IS NOT NULL FROM article"
                    + " WHERE slug = ? AND id IS DISTINCT FROM ?")) {
      ps.setString(1, slug);
      if (exceptId == null) {
        ps.setNull(2, Types.BIGINT);
      } else {
        ps.setLong(2, exceptId);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new Holder(rs.getLong(1), rs.getBoolean(2)))
            : Optional.empty();
      }
    }
  }

  /** Slugs among {@code slugs} that name no live tag, in the order given. */
  public List<String> unknownTags(List<String> slugs) throws SQLException {
    return unknown(slugs, "text", "SELECT 1 FROM live_tag WHERE slug = u.s");
  }

  /** Ids among {@code ids} that name no live paper, in the order given. */
  public List<String> unknownPapers(List<Long> ids) throws SQLException {
    return unknown(ids, "int8", "SELECT 1 FROM live_paper WHERE id = u.s");
  }

  public List<String> unknownMethods(List<String> slugs) throws SQLException {
    return unknown(slugs, "text", "SELECT 1 FROM live_method WHERE slug = u.s");
  }

  public List<String> unknownDatasets(List<String> slugs) throws SQLException {
    return unknown(slugs, "text", "SELECT 1 FROM live_dataset WHERE slug = u.s");
  }

  /** The editable state of an article, deleted or not; empty when no such row exists. */
  public Optional<ArticleInput> editableState(long id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                """
                SELECT slug, title, summary, body_markdown, authors, status,
                       ARRAY(SELECT tag_slug FROM article_tag WHERE article_id = a.id
                             ORDER BY tag_slug) AS tags,
                       ARRAY(SELECT ap.paper_id FROM article_paper ap JOIN live_paper p
                             ON p.id = ap.paper_id WHERE ap.article_id = a.id
                             ORDER BY ap.paper_id) AS papers,
                       ARRAY(SELECT m.slug FROM article_method am JOIN live_method m
                             ON m.id = am.method_id WHERE am.article_id = a.id
                             ORDER BY m.slug) AS methods,
                       ARRAY(SELECT d.slug FROM article_dataset ad JOIN live_dataset d
                             ON d.id = ad.dataset_id WHERE ad.article_id = a.id
                             ORDER BY d.slug) AS datasets
                FROM article a WHERE id = ?
                """)) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new ArticleInput(
                rs.getString("slug"),
                rs.getString("title"),
                rs.getString("summary"),
                rs.getString("body_markdown"),
                strings(rs.getArray("authors")),
                rs.getString("status"),
                strings(rs.getArray("tags")),
                Arrays.asList((Long[]) rs.getArray("papers").getArray()),
                strings(rs.getArray("methods")),
                strings(rs.getArray("datasets"))));
      }
    }
  }

  private void bind(Connection c, PreparedStatement ps, ArticleInput a) throws SQLException {
    Rendered rendered = render(a.bodyMarkdown());
    ps.setString(1, a.slug());
    ps.setString(2, a.title());
    ps.setString(3, a.summary());
    ps.setString(4, a.bodyMarkdown());
    ps.setString(5, rendered.html());
    ps.setArray(6, c.createArrayOf("text", a.authors().toArray()));
    ps.setString(7, a.status());
    ps.setInt(8, rendered.readingTimeMinutes());
    ps.setString(9, a.status());
  }

  private Rendered render(String markdown) {
    return new Rendered(
        renderer.toSafeHtml(markdown), MarkdownRenderer.readingTimeMinutes(markdown));
  }

  /**
   * Replaces the links the editable state shows. Links to soft-deleted papers, methods and datasets
   * are hidden from it and kept, so they come back if those items are restored.
   */
  private static void replaceLinks(Connection c, long id, ArticleInput a) throws SQLException {
    for (String delete :
        List.of(
            "DELETE FROM article_tag WHERE article_id = ?",
            "DELETE FROM article_paper WHERE article_id = ?"
                + " AND paper_id IN (SELECT id FROM live_paper)",
            "DELETE FROM article_method WHERE article_id = ?"
                + " AND method_id IN (SELECT id FROM live_method)",
            "DELETE FROM article_dataset WHERE article_id = ?"
                + " AND dataset_id IN (SELECT id FROM live_dataset)")) {
      try (PreparedStatement ps = c.prepareStatement(delete)) {
        ps.setLong(1, id);
        ps.executeUpdate();
      }
    }
    link(c, id, a.tags(), "text", "INSERT INTO article_tag SELECT ?, unnest(?::text[])");
    link(c, id, a.papers(), "int8", "INSERT INTO article_paper SELECT ?, unnest(?::int8[])");
    link(
        c,
        id,
        a.methods(),
        "text",
        "INSERT INTO article_method SELECT ?, id FROM live_method WHERE slug = ANY(?::text[])");
    link(
        c,
        id,
        a.datasets(),
        "text",
        "INSERT INTO article_dataset SELECT ?, id FROM live_dataset WHERE slug = ANY(?::text[])");
  }

  private static void link(Connection c, long id, List<?> values, String type, String sql)
      throws SQLException {
    if (values.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, id);
      ps.setArray(2, c.createArrayOf(type, values.toArray()));
      ps.executeUpdate();
    }
  }

  private List<String> unknown(List<?> values, String type, String exists) throws SQLException {
    List<String> unknown = new ArrayList<>();
    if (values.isEmpty()) {
      return unknown;
    }
    String sql =
        "SELECT u.s::text FROM unnest(?::"
            + type
            + "[]) WITH ORDINALITY AS u(s, n) WHERE NOT EXISTS ("
            + exists
            + ") ORDER BY n";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, c.createArrayOf(type, values.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          unknown.add(rs.getString(1));
        }
      }
    }
    return unknown;
  }

  private static List<String> strings(Array array) throws SQLException {
    return Arrays.asList((String[]) array.getArray());
  }

  private boolean exists(String sql, long id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private boolean execute(String sql, long id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, id);
      return ps.executeUpdate() == 1;
    }
  }
}
