package org.mlmdkb.article;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;
import org.mlmdkb.common.db.SoftDeletable;
import org.mlmdkb.common.db.Sql;
import org.mlmdkb.curation.CuratedTable;

/**
 * Writes articles with their tags and links to papers, methods and datasets. Callers run inside one
 * transaction, so the connection (and the row lock taken by {@link #lockLive}) is shared by every
 * statement.
 */
@Singleton
public class ArticleWriteRepository extends CuratedTable<ArticleInput> {

  /** What the server derives from the Markdown, by the same code as the seed loader. */
  private record Rendered(String html, int readingTimeMinutes) {}

  // published_at is set the first time an article is published and then kept, through later edits
  // and through unpublishing, so republishing does not move an article to the top of the list.
  private static final String INSERT =
      """
      INSERT INTO article (slug, title, summary, body_markdown, body_html, authors, status,
                           reading_time_minutes, published_at)
      VALUES (:slug, :title, :summary, :body_markdown, :body_html, :authors, :status,
              :reading_time_minutes, CASE WHEN :status = 'published' THEN now() END)
      RETURNING id
      """;

  private static final String UPDATE =
      """
      UPDATE article SET (slug, title, summary, body_markdown, body_html, authors, status,
                          reading_time_minutes, published_at, updated_at)
        = (:slug, :title, :summary, :body_markdown, :body_html, :authors, :status,
           :reading_time_minutes,
           CASE WHEN published_at IS NULL AND :status = 'published' THEN now()
                ELSE published_at END,
           now())
      WHERE id = :id
      """;

  private final MarkdownRenderer renderer;

  public ArticleWriteRepository(AgroalDataSource dataSource, MarkdownRenderer renderer) {
    super(dataSource, SoftDeletable.ARTICLE);
    this.renderer = renderer;
  }

  @Override
  public long insert(ArticleInput a) throws SQLException {
    return insertRow(h -> bind(h.createQuery(INSERT), a), (h, id) -> replaceLinks(h, id, a));
  }

  @Override
  public void update(long id, ArticleInput a) throws SQLException {
    updateRow(id, h -> bind(h.createUpdate(UPDATE), a), (h, row) -> replaceLinks(h, row, a));
  }

  public Optional<Long> idOf(String slug, boolean includeDeleted) throws SQLException {
    return idOf("slug", slug, includeDeleted);
  }

  public String slugOf(long id) throws SQLException {
    return Sql.query(
        dataSource,
        "SELECT slug FROM article WHERE id = :id",
        q -> q.bind("id", id).mapTo(String.class).one());
  }

  public Optional<SoftDeletable.Holder> holderOfSlug(String slug, Long exceptId)
      throws SQLException {
    return holderOf("slug", slug, exceptId);
  }

  /** Slugs among {@code slugs} that name no live tag, in the order given. */
  public List<String> unknownTags(List<String> slugs) throws SQLException {
    return unknown(slugs.toArray(String[]::new), "text", "SELECT 1 FROM live_tag WHERE slug = u.s");
  }

  /** Ids among {@code ids} that name no live paper, in the order given. */
  public List<String> unknownPapers(List<Long> ids) throws SQLException {
    return unknown(ids.toArray(Long[]::new), "int8", "SELECT 1 FROM live_paper WHERE id = u.s");
  }

  public List<String> unknownMethods(List<String> slugs) throws SQLException {
    return unknown(
        slugs.toArray(String[]::new), "text", "SELECT 1 FROM live_method WHERE slug = u.s");
  }

  public List<String> unknownDatasets(List<String> slugs) throws SQLException {
    return unknown(
        slugs.toArray(String[]::new), "text", "SELECT 1 FROM live_dataset WHERE slug = u.s");
  }

  /** The editable state of an article, deleted or not; empty when no such row exists. */
  @Override
  public Optional<ArticleInput> editableState(long id) throws SQLException {
    return Sql.query(
        dataSource,
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
                    FROM article a WHERE id = :id
                    """,
        q ->
            q.bind("id", id)
                .map(
                    (rs, ctx) ->
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
                            strings(rs.getArray("datasets"))))
                .findFirst());
  }

  private <S extends SqlStatement<S>> S bind(S statement, ArticleInput a) {
    Rendered rendered = render(a.bodyMarkdown());
    return statement
        .bind("slug", a.slug())
        .bind("title", a.title())
        .bind("summary", a.summary())
        .bind("body_markdown", a.bodyMarkdown())
        .bind("body_html", rendered.html())
        .bind("authors", a.authors().toArray(String[]::new))
        .bind("status", a.status())
        .bind("reading_time_minutes", rendered.readingTimeMinutes());
  }

  private Rendered render(String markdown) {
    return new Rendered(
        renderer.toSafeHtml(markdown), MarkdownRenderer.readingTimeMinutes(markdown));
  }

  /**
   * Replaces the links the editable state shows. Links to soft-deleted papers, methods and datasets
   * are hidden from it and kept, so they come back if those items are restored.
   */
  private static void replaceLinks(Handle h, long id, ArticleInput a) {
    for (String delete :
        List.of(
            "DELETE FROM article_tag WHERE article_id = :id",
            "DELETE FROM article_paper WHERE article_id = :id"
                + " AND paper_id IN (SELECT id FROM live_paper)",
            "DELETE FROM article_method WHERE article_id = :id"
                + " AND method_id IN (SELECT id FROM live_method)",
            "DELETE FROM article_dataset WHERE article_id = :id"
                + " AND dataset_id IN (SELECT id FROM live_dataset)")) {
      h.createUpdate(delete).bind("id", id).execute();
    }
    link(
        h,
        id,
        a.tags().toArray(String[]::new),
        "INSERT INTO article_tag SELECT :id, unnest(:values::text[])");
    link(
        h,
        id,
        a.papers().toArray(Long[]::new),
        "INSERT INTO article_paper SELECT :id, unnest(:values::int8[])");
    link(
        h,
        id,
        a.methods().toArray(String[]::new),
        "INSERT INTO article_method SELECT :id, id FROM live_method"
            + " WHERE slug = ANY(:values::text[])");
    link(
        h,
        id,
        a.datasets().toArray(String[]::new),
        "INSERT INTO article_dataset SELECT :id, id FROM live_dataset"
            + " WHERE slug = ANY(:values::text[])");
  }

  private static void link(Handle h, long id, Object[] values, String sql) {
    if (values.length == 0) {
      return;
    }
    h.createUpdate(sql).bind("id", id).bind("values", values).execute();
  }

  /**
   * The {@code values} (as text) for which {@code exists}, a condition on {@code u.s}, finds no
   * row, in the order given; {@code type} is the array's SQL type.
   */
  private List<String> unknown(Object[] values, String type, String exists) throws SQLException {
    if (values.length == 0) {
      return new ArrayList<>();
    }
    String sql =
        "SELECT u.s::text FROM unnest(:values::"
            + type
            + "[]) WITH ORDINALITY AS u(s, n) WHERE NOT EXISTS ("
            + exists
            + ") ORDER BY n";
    return Sql.query(dataSource, sql, q -> q.bind("values", values).mapTo(String.class).list());
  }

  private static List<String> strings(Array array) throws SQLException {
    return Arrays.asList((String[]) array.getArray());
  }
}
