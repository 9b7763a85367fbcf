package org.mlmdkb.tag;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;

/**
 * Writes tags. A tag is keyed by its slug in every reference and by its surrogate id in the
 * history; renaming the slug cascades to papers, articles and child tags (V051). Callers run inside
 * one transaction.
 */
@ApplicationScoped
public class TagWriteRepository {

  /** Another tag holding a slug, and whether it is soft-deleted. */
  public record Holder(long id, boolean deleted) {}

  /** What still uses a tag: live papers, live articles (drafts too) and live child tags. */
  public record Usage(long papers, long articles, long children) {
    boolean any() {
      return papers + articles + children > 0;
    }
  }

  private static final String USAGE =
      """
      SELECT (SELECT count(*) FROM paper_tag pt JOIN live_paper p ON p.id = pt.paper_id
               WHERE pt.tag_slug = t.slug),
             (SELECT count(*) FROM article_tag at JOIN live_article a ON a.id = at.article_id
               WHERE at.tag_slug = t.slug),
             (SELECT count(*) FROM live_tag c WHERE c.parent_slug = t.slug)
      FROM tag t WHERE t.id = ?
      """;

  // Walks up from the proposed parent; reaching the tag itself means the parent is a descendant.
  private static final String ANCESTOR_IDS =
      """
      WITH RECURSIVE up(slug, parent_slug, id, depth) AS (
          SELECT slug, parent_slug, id, 0 FROM tag WHERE slug = ?
          UNION ALL SELECT t.slug, t.parent_slug, t.id, up.depth + 1
          FROM tag t JOIN up ON t.slug = up.parent_slug WHERE up.depth < 1000)
      SELECT 1 FROM up WHERE id = ?
      """;

  private final AgroalDataSource dataSource;

  public TagWriteRepository(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  public long insert(TagInput t) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO tag (slug, label, parent_slug) VALUES (?, ?, ?) RETURNING id")) {
      bind(ps, t);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  public void update(long id, TagInput t) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE tag SET (slug, label, parent_slug) = (?, ?, ?) WHERE id = ?")) {
      bind(ps, t);
      ps.setLong(4, id);
      ps.executeUpdate();
    }
  }

  /**
   * Locks a live tag's row until the transaction ends, so concurrent writers of one tag run one
   * after the other and the second sees the first's result (and its new ETag).
   */
  /** A row lock only holds inside the caller's transaction; without one it would end at once. */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean lockLive(long id) throws SQLException {
    return exists("SELECT 1 FROM live_tag WHERE id = ? FOR UPDATE", id);
  }

  public Optional<Long> idOf(String slug, boolean includeDeleted) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT id FROM " + (includeDeleted ? "tag" : "live_tag") + " WHERE slug = ?")) {
      ps.setString(1, slug);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  public Optional<TagInput> editableState(long id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT slug, label, parent_slug FROM tag WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new TagInput(rs.getString(1), rs.getString(2), rs.getString(3)))
            : Optional.empty();
      }
    }
  }

  public Optional<Holder> holderOfSlug(String slug, Long exceptId) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, deleted_at IS NOT NULL FROM tag"
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

  public boolean isLive(String slug) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT 1 FROM live_tag WHERE slug = ?")) {
      ps.setString(1, slug);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Whether the tag {@code id} is {@code slug} or one of its ancestors. */
  public boolean isSelfOrAncestorOf(long id, String slug) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(ANCESTOR_IDS)) {
      ps.setString(1, slug);
      ps.setLong(2, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  public Usage usage(long id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(USAGE)) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new Usage(rs.getLong(1), rs.getLong(2), rs.getLong(3));
      }
    }
  }

  /** The parent of a tag, deleted or not; null for a top-level tag. */
  public Optional<String> parentOf(long id) throws SQLException {
    return editableState(id).map(TagInput::parent);
  }

  public String slugOf(long id) throws SQLException {
    return editableState(id).orElseThrow().slug();
  }

  public boolean softDelete(long id) throws SQLException {
    return execute("UPDATE live_tag SET deleted_at = now() WHERE id = ?", id);
  }

  public boolean restore(long id) throws SQLException {
    return execute("UPDATE tag SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL", id);
  }

  private static void bind(PreparedStatement ps, TagInput t) throws SQLException {
    ps.setString(1, t.slug());
    ps.setString(2, t.label());
    if (t.parent() == null) {
      ps.setNull(3, Types.VARCHAR);
    } else {
      ps.setString(3, t.parent());
    }
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
