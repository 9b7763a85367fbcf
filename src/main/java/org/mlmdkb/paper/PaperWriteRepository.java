package org.mlmdkb.paper;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;
import org.mlmdkb.common.db.ColumnStatements;
import org.mlmdkb.common.db.SoftDeletable;
import org.mlmdkb.common.db.Sql;
import org.mlmdkb.curation.CuratedTable;

/**
 * Writes papers with their ordered authors and tags. Callers run inside one transaction, so the
 * connection (and the row lock taken by {@link #lockLive}) is shared by every statement.
 */
@Singleton
public class PaperWriteRepository extends CuratedTable<PaperInput> {

  private static final String PAPER_COLUMNS =
      "entry_type, title, abstract, year, date, venue, volume, number, pages, publisher, doi,"
          + " arxiv_id, url, code_url";

  /** Another paper holding an identifier, and whether it is soft-deleted. */
  public record Holder(long id, boolean deleted) {}

  private static final String INSERT = ColumnStatements.insertReturningId("paper", PAPER_COLUMNS);

  private static final String UPDATE =
      ColumnStatements.updateTouchingUpdatedAt("paper", PAPER_COLUMNS);

  /**
   * Upserts the authors (shared across papers by normalised name, as the seed loader does) and
   * links them in order, in one statement. The upsert rewrites an existing author unchanged to lock
   * it and return its id (V180 keeps that from re-indexing the author's papers); DISTINCT ON
   * because one statement may not upsert a row twice (an author named twice in one paper).
   */
  private static final String LINK_AUTHORS =
      """
      WITH input AS (
          SELECT u.name, u.normalized_name, u.position - 1 AS position
          FROM unnest(:names::text[], :normalized_names::text[]) WITH ORDINALITY
              AS u(name, normalized_name, position)),
      upserted AS (
          INSERT INTO author (name, normalized_name)
          SELECT DISTINCT ON (normalized_name) name, normalized_name FROM input
          ORDER BY normalized_name, position
          ON CONFLICT (normalized_name) DO UPDATE SET name = author.name
          RETURNING id, normalized_name)
      INSERT INTO paper_author (paper_id, position, author_id, name_as_written)
      SELECT :paper_id, i.position, u.id, i.name
      FROM input i JOIN upserted u USING (normalized_name)
      """;

  public PaperWriteRepository(AgroalDataSource dataSource) {
    super(dataSource, SoftDeletable.PAPER);
  }

  @Override
  public long insert(PaperInput p) throws SQLException {
    return Sql.with(
        dataSource,
        h -> {
          long id = bindPaper(h.createQuery(INSERT), p).mapTo(Long.class).one();
          // A new paper has no links yet: nothing to delete first.
          linkAuthors(h, id, p.authors());
          linkTags(h, id, p.tags());
          return id;
        });
  }

  @Override
  public void update(long id, PaperInput p) throws SQLException {
    Sql.use(
        dataSource,
        h -> {
          bindPaper(h.createUpdate(UPDATE), p).bind("id", id).execute();
          replaceAuthors(h, id, p.authors());
          replaceTags(h, id, p.tags());
        });
  }

  public boolean existsLive(long id) throws SQLException {
    return SoftDeletable.PAPER.existsLive(dataSource, id);
  }

  public boolean existsIncludingDeleted(long id) throws SQLException {
    return Sql.with(
        dataSource,
        h ->
            h.createQuery("SELECT 1 FROM paper WHERE id = :id")
                .bind("id", id)
                .mapTo(Integer.class)
                .findFirst()
                .isPresent());
  }

  /** What still cites a paper as its own: live benchmark results, methods and datasets. */
  public record Citations(long results, long methods, long datasets) {
    public boolean any() {
      return results > 0 || methods > 0 || datasets > 0;
    }
  }

  public Citations liveCitations(long id) throws SQLException {
    return Sql.with(
        dataSource,
        h ->
            h.createQuery(
                    """
                    SELECT (SELECT count(*) FROM live_benchmark_result WHERE paper_id = :id),
                           (SELECT count(*) FROM live_method WHERE paper_id = :id),
                           (SELECT count(*) FROM live_dataset WHERE paper_id = :id)
                    """)
                .bind("id", id)
                .map((rs, ctx) -> new Citations(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .one());
  }

  public Optional<Holder> holderOfDoi(String doi, Long exceptId) throws SQLException {
    return holder("doi", doi, exceptId);
  }

  public Optional<Holder> holderOfArxivId(String arxivId, Long exceptId) throws SQLException {
    return holder("arxiv_id", arxivId, exceptId);
  }

  public List<String> unknownTags(List<String> slugs) throws SQLException {
    if (slugs.isEmpty()) {
      return new java.util.ArrayList<>();
    }
    return Sql.with(
        dataSource,
        h ->
            h.createQuery(
                    "SELECT s FROM unnest(:slugs::text[]) WITH ORDINALITY AS u(s, n)"
                        + " WHERE NOT EXISTS (SELECT 1 FROM live_tag WHERE slug = u.s)"
                        + " ORDER BY n")
                .bind("slugs", slugs.toArray(String[]::new))
                .mapTo(String.class)
                .list());
  }

  /** The editable state of a paper, deleted or not; empty when no such row exists. */
  @Override
  public Optional<PaperInput> editableState(long id) throws SQLException {
    return Sql.with(
        dataSource,
        h -> {
          Optional<PaperInput> found =
              h.createQuery("SELECT " + PAPER_COLUMNS + " FROM paper WHERE id = :id")
                  .bind("id", id)
                  .map(
                      (rs, ctx) ->
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
                              List.of()))
                  .findFirst();
          if (found.isEmpty()) {
            return Optional.empty();
          }
          PaperInput base = found.get();
          List<String> authors =
              strings(
                  h,
                  "SELECT name_as_written FROM paper_author WHERE paper_id = :id"
                      + " ORDER BY position",
                  id);
          // Links to deleted tags are hidden from editors as from readers; a write keeps them.
          List<String> tags =
              strings(
                  h,
                  "SELECT tag_slug FROM paper_tag WHERE paper_id = :id"
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
        });
  }

  private static void replaceAuthors(Handle h, long paperId, List<String> names) {
    h.createUpdate("DELETE FROM paper_author WHERE paper_id = :paper_id")
        .bind("paper_id", paperId)
        .execute();
    linkAuthors(h, paperId, names);
  }

  private static void linkAuthors(Handle h, long paperId, List<String> names) {
    if (names.isEmpty()) {
      return;
    }
    h.createUpdate(LINK_AUTHORS)
        .bind("paper_id", paperId)
        .bind("names", names.toArray(String[]::new))
        .bind("normalized_names", names.stream().map(AuthorNames::normalize).toArray(String[]::new))
        .execute();
  }

  /**
   * Replaces the tag links the editable state shows. Links to soft-deleted tags are kept, so that
   * restoring such a tag brings its papers back with it.
   */
  private static void replaceTags(Handle h, long paperId, List<String> slugs) {
    h.createUpdate(
            "DELETE FROM paper_tag WHERE paper_id = :paper_id"
                + " AND tag_slug IN (SELECT slug FROM live_tag)")
        .bind("paper_id", paperId)
        .execute();
    linkTags(h, paperId, slugs);
  }

  private static void linkTags(Handle h, long paperId, List<String> slugs) {
    if (slugs.isEmpty()) {
      return;
    }
    h.createUpdate(
            "INSERT INTO paper_tag (paper_id, tag_slug) SELECT :paper_id, unnest(:slugs::text[])")
        .bind("paper_id", paperId)
        .bind("slugs", slugs.toArray(String[]::new))
        .execute();
  }

  private Optional<Holder> holder(String column, String value, Long exceptId) throws SQLException {
    return SoftDeletable.PAPER
        .holderOf(dataSource, column, value, exceptId)
        .map(held -> new Holder(held.id(), held.deleted()));
  }

  /** Binds the paper's own columns ({@link #PAPER_COLUMNS}, each by its name). */
  private static <S extends SqlStatement<S>> S bindPaper(S statement, PaperInput p) {
    return statement
        .bind("entry_type", p.entryType())
        .bind("title", p.title())
        .bind("abstract", p.abstractText())
        .bind("year", p.year())
        .bind("date", p.date())
        .bind("venue", p.venue())
        .bind("volume", p.volume())
        .bind("number", p.number())
        .bind("pages", p.pages())
        .bind("publisher", p.publisher())
        .bind("doi", p.doi())
        .bind("arxiv_id", p.arxivId())
        .bind("url", p.url())
        .bind("code_url", p.codeUrl());
  }

  private static List<String> strings(Handle h, String sql, long id) {
    return h.createQuery(sql).bind("id", id).mapTo(String.class).list();
  }
}
