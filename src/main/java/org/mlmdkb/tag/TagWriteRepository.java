package org.mlmdkb.tag;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.statement.SqlStatement;
import org.mlmdkb.common.db.SoftDeletable;
import org.mlmdkb.common.db.Sql;
import org.mlmdkb.curation.CuratedTable;

/**
 * Writes tags. A tag is keyed by its slug in every reference and by its surrogate id in the
 * history; renaming the slug cascades to papers, articles and child tags (V051). Callers run inside
 * one transaction.
 */
@Singleton
public class TagWriteRepository extends CuratedTable<TagInput> {

  /** What still uses a tag: live papers, live articles (drafts too) and live child tags. */
  public record Usage(long papers, long articles, long children) {
    boolean any() {
      return papers + articles + children > 0;
    }
  }

  private static final String INSERT =
      "INSERT INTO tag (slug, label, parent_slug) VALUES (:slug, :label, :parent) RETURNING id";

  private static final String UPDATE =
      "UPDATE tag SET (slug, label, parent_slug) = (:slug, :label, :parent) WHERE id = :id";

  private static final String USAGE =
      """
      SELECT (SELECT count(*) FROM paper_tag pt JOIN live_paper p ON p.id = pt.paper_id
               WHERE pt.tag_slug = t.slug),
             (SELECT count(*) FROM article_tag at JOIN live_article a ON a.id = at.article_id
               WHERE at.tag_slug = t.slug),
             (SELECT count(*) FROM live_tag c WHERE c.parent_slug = t.slug)
      FROM tag t WHERE t.id = :id
      """;

  // Walks up from the proposed parent; reaching the tag itself means the parent is a descendant.
  private static final String ANCESTOR_IDS =
      """
      WITH RECURSIVE up(slug, parent_slug, id, depth) AS (
          SELECT slug, parent_slug, id, 0 FROM tag WHERE slug = :slug
          UNION ALL SELECT t.slug, t.parent_slug, t.id, up.depth + 1
          FROM tag t JOIN up ON t.slug = up.parent_slug WHERE up.depth < 1000)
      SELECT 1 FROM up WHERE id = :id
      """;

  public TagWriteRepository(AgroalDataSource dataSource) {
    super(dataSource, SoftDeletable.TAG);
  }

  @Override
  public long insert(TagInput t) throws SQLException {
    return insertRow(h -> bind(h.createQuery(INSERT), t), Links.NONE);
  }

  @Override
  public void update(long id, TagInput t) throws SQLException {
    updateRow(id, h -> bind(h.createUpdate(UPDATE), t), Links.NONE);
  }

  public Optional<Long> idOf(String slug, boolean includeDeleted) throws SQLException {
    return idOf("slug", slug, includeDeleted);
  }

  @Override
  public Optional<TagInput> editableState(long id) throws SQLException {
    return Sql.query(
        dataSource,
        "SELECT slug, label, parent_slug FROM tag WHERE id = :id",
        q ->
            q.bind("id", id)
                .map((rs, ctx) -> new TagInput(rs.getString(1), rs.getString(2), rs.getString(3)))
                .findFirst());
  }

  public Optional<SoftDeletable.Holder> holderOfSlug(String slug, Long exceptId)
      throws SQLException {
    return holderOf("slug", slug, exceptId);
  }

  public boolean isLive(String slug) throws SQLException {
    return idOf(slug, false).isPresent();
  }

  /** Whether the tag {@code id} is {@code slug} or one of its ancestors. */
  public boolean isSelfOrAncestorOf(long id, String slug) throws SQLException {
    return Sql.query(
        dataSource,
        ANCESTOR_IDS,
        q -> q.bind("slug", slug).bind("id", id).mapTo(Integer.class).findFirst().isPresent());
  }

  public Usage usage(long id) throws SQLException {
    return Sql.query(
        dataSource,
        USAGE,
        q ->
            q.bind("id", id)
                .map((rs, ctx) -> new Usage(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .one());
  }

  /** The parent of a tag, deleted or not; null for a top-level tag. */
  public Optional<String> parentOf(long id) throws SQLException {
    return editableState(id).map(TagInput::parent);
  }

  public String slugOf(long id) throws SQLException {
    return editableState(id).orElseThrow().slug();
  }

  private static <S extends SqlStatement<S>> S bind(S statement, TagInput t) {
    return statement.bind("slug", t.slug()).bind("label", t.label()).bind("parent", t.parent());
  }
}
