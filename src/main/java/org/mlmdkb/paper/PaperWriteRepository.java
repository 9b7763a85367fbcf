package org.mlmdkb.paper;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes papers with their ordered authors and tags. Callers run inside one transaction, so the
 * connection (and the row lock taken by {@link #lockLive}) is shared by every statement.
 */
@ApplicationScoped
public class PaperWriteRepository {

  private static final String PAPER_COLUMNS =
      "entry_type, title, abstract, year, date, venue, volume, number, pages, publisher, doi,"
          + " arxiv_id, url, code_url";

  /** Another paper holding an identifier, and whether it is soft-deleted. */
  public record Holder(long id, boolean deleted) {}

  private final AgroalDataSource dataSource;

  public PaperWriteRepository(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  public long insert(PaperInput p) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO paper ("
                    + PAPER_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
      bindPaper(ps, p);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        long id = rs.getLong(1);
        replaceAuthors(c, id, p.authors());
        replaceTags(c, id, p.tags());
        return id;
      }
    }
  }

  public void update(long id, PaperInput p) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE paper SET ("
                    + PAPER_COLUMNS
                    + ", updated_at) ="
                    + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now()) WHERE id = ?")) {
      bindPaper(ps, p);
      ps.setLong(15, id);
      ps.executeUpdate();
      replaceAuthors(c, id, p.authors());
      replaceTags(c, id, p.tags());
    }
  }

  /**
   * Locks a live paper's row until the transaction ends, so concurrent writers of one paper run one
   * after the other and the second sees the first's result (and its new ETag).
   */
  /** A row lock only holds inside the caller's transaction; without one it would end at once. */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean lockLive(long id) throws SQLException {
    return exists("SELECT 1 FROM live_paper WHERE id = ? FOR UPDATE", id);
  }

  public boolean existsLive(long id) throws SQLException {
    return exists("SELECT 1 FROM live_paper WHERE id = ?", id);
  }

  public boolean existsIncludingDeleted(long id) throws SQLException {
    return exists("SELECT 1 FROM paper WHERE id = ?", id);
  }

  public boolean softDelete(long id) throws SQLException {
    return execute("UPDATE live_paper SET deleted_at = now(), updated_at = now() WHERE id = ?", id);
  }

  public boolean restore(long id) throws SQLException {
    return execute(
        "UPDATE paper SET deleted_at = NULL, updated_at = now()"
            + " WHERE id = ? AND deleted_at IS NOT NULL",
        id);
  }

  /** What still cites a paper as its own: live benchmark results, methods and datasets. */
  public record Citations(long results, long methods, long datasets) {
    public boolean any() {
      return results > 0 || methods > 0 || datasets > 0;
    }
  }

  public Citations liveCitations(long id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                """
                SELECT (SELECT count(*) FROM live_benchmark_result WHERE paper_id = ?),
                       (SELECT count(*) FROM live_method WHERE paper_id = ?),
                       (SELECT count(*) FROM live_dataset WHERE paper_id = ?)
                """)) {
      for (int i = 1; i <= 3; i++) {
        ps.setLong(i, id);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new Citations(rs.getLong(1), rs.getLong(2), rs.getLong(3));
      }
    }
  }

  public Optional<Holder> holderOfDoi(String doi, Long exceptId) throws SQLException {
    return holder("doi", doi, exceptId);
  }

  public Optional<Holder> holderOfArxivId(String arxivId, Long exceptId) throws SQLException {
    return holder("arxiv_id", arxivId, exceptId);
  }

  public List<String> unknownTags(List<String> slugs) throws SQLException {
    List<String> unknown = new ArrayList<>();
    if (slugs.isEmpty()) {
      return unknown;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT s FROM unnest(?::text[]) WITH ORDINALITY AS u(s, n)"
                    + " WHERE NOT EXISTS (SELECT 1 FROM live_tag WHERE slug = u.s)"
                    + " ORDER BY n")) {
      ps.setArray(1, c.createArrayOf("text", slugs.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          unknown.add(rs.getString(1));
        }
      }
    }
    return unknown;
  }

  /** The editable state of a paper, deleted or not; empty when no such row exists. */
  public Optional<PaperInput> editableState(long id) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      PaperInput base;
      try (PreparedStatement ps =
          c.prepareStatement("SELECT " + PAPER_COLUMNS + " FROM paper WHERE id = ?")) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          base =
              new PaperInput(
                  rs.getString("entry_type"),
                  rs.getString("title"),
                  rs.getString("abstract"),
                  (Integer) rs.getObject("year"),
                  rs.getString("date"),
                  rs.getString("venue"),
                  rs.getString("volume"),
                  rs.getString("number"),
                  rs.getString("pages"),
                  rs.getString("publisher"),
                  rs.getString("doi"),
                  rs.getString("arxiv_id"),
                  rs.getString("url"),
                  rs.getString("code_url"),
                  List.of(),
                  List.of());
        }
      }
      List<String> authors =
          strings(
              c,
              "SELECT name_as_written FROM paper_author WHERE paper_id = ? ORDER BY position",
              id);
      // Links to deleted tags are hidden from editors as from readers; a write keeps them.
      List<String> tags =
          strings(
              c,
              "SELECT tag_slug FROM paper_tag WHERE paper_id = ?"
                  + " AND tag_slug IN (SELECT slug FROM live_tag)"
                  + " ORDER BY tag_slug",
              id);
      return Optional.of(
          new PaperInput(
              base.entryType(),
              base.title(),
              base.abstractText(),
              base.year(),
              base.date(),
              base.venue(),
              base.volume(),
              base.number(),
              base.pages(),
              base.publisher(),
              base.doi(),
              base.arxivId(),
              base.url(),
              base.codeUrl(),
              authors,
              tags));
    }
  }

  private static void replaceAuthors(Connection c, long paperId, List<String> names)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM paper_author WHERE paper_id = ?")) {
      ps.setLong(1, paperId);
      ps.executeUpdate();
    }
    if (names.isEmpty()) {
      return;
    }
    // Authors are shared across papers by normalised name, as the seed loader does.
    try (PreparedStatement upsert =
            c.prepareStatement(
                "INSERT INTO author (name, normalized_name) VALUES (?, ?)"
                    + " ON CONFLICT (normalized_name) DO UPDATE SET name = author.name"
                    + " RETURNING id");
        PreparedStatement link =
            c.prepareStatement(
                "INSERT INTO paper_author (paper_id, position, author_id, name_as_written)"
                    + " VALUES (?, ?, ?, ?)")) {
      int position = 0;
      for (String name : names) {
        upsert.setString(1, name);
        upsert.setString(2, AuthorNames.normalize(name));
        long authorId;
        try (ResultSet rs = upsert.executeQuery()) {
          rs.next();
          authorId = rs.getLong(1);
        }
        link.setLong(1, paperId);
        link.setInt(2, position++);
        link.setLong(3, authorId);
        link.setString(4, name);
        link.addBatch();
      }
      link.executeBatch();
    }
  }

  /**
   * Replaces the tag links the editable state shows. Links to soft-deleted tags are kept, so that
   * restoring such a tag brings its papers back with it.
   */
  private static void replaceTags(Connection c, long paperId, List<String> slugs)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM paper_tag WHERE paper_id = ?"
                + " AND tag_slug IN (SELECT slug FROM live_tag)")) {
      ps.setLong(1, paperId);
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO paper_tag (paper_id, tag_slug) SELECT ?, unnest(?::text[])")) {
      ps.setLong(1, paperId);
      ps.setArray(2, c.createArrayOf("text", slugs.toArray()));
      ps.executeUpdate();
    }
  }

  private Optional<Holder> holder(String column, String value, Long exceptId) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, deleted_at IS NOT NULL FROM paper WHERE "
                    + column
                    + " = ? AND id IS DISTINCT FROM ?")) {
      ps.setString(1, value);
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

  private static void bindPaper(PreparedStatement ps, PaperInput p) throws SQLException {
    Object[] values = {
      p.entryType(), p.title(), p.abstractText(), p.year(), p.date(), p.venue(), p.volume(),
      p.number(), p.pages(), p.publisher(), p.doi(), p.arxivId(), p.url(), p.codeUrl()
    };
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        ps.setNull(i + 1, i == 3 ? Types.INTEGER : Types.VARCHAR);
      } else {
        ps.setObject(i + 1, values[i]);
      }
    }
  }

  private static List<String> strings(Connection c, String sql, long id) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
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
