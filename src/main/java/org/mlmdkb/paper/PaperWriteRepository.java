package org.mlmdkb.paper;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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

  private static final String INSERT = ColumnStatements.insertReturningId("paper", PAPER_COLUMNS);

  private static final String UPDATE =
      ColumnStatements.updateTouchingUpdatedAt("paper", PAPER_COLUMNS);

  /**
   * Upserts the authors (shared across papers by normalised name, as the seed loader does) and
   * links them in order, in one statement, for one paper or many. The upsert rewrites an existing
   * author unchanged to lock it and return its id (V180 keeps that from re-indexing the author's
   * papers); DISTINCT ON because one statement may not upsert a row twice (an author named twice),
   * and a new author is stored as the first link names it, as one statement per paper did.
   */
  private static final String LINK_AUTHORS =
      """
      WITH input AS (
          SELECT u.paper_id, u.position, u.name, u.normalized_name, u.ord
          FROM unnest(:paper_ids::bigint[], :positions::int[], :names::text[],
                      :normalized_names::text[]) WITH ORDINALITY
              AS u(paper_id, position, name, normalized_name, ord)),
      upserted AS (
          INSERT INTO author (name, normalized_name)
          SELECT DISTINCT ON (normalized_name) name, normalized_name FROM input
          ORDER BY normalized_name, ord
          ON CONFLICT (normalized_name) DO UPDATE SET name = author.name
          RETURNING id, normalized_name)
      INSERT INTO paper_author (paper_id, position, author_id, name_as_written)
      SELECT i.paper_id, i.position, u.id, i.name
      FROM input i JOIN upserted u USING (normalized_name)
      """;

  private static final String LINK_TAGS =
      """
      INSERT INTO paper_tag (paper_id, tag_slug)
      SELECT * FROM unnest(:paper_ids::bigint[], :slugs::text[])
      """;

  /** Links to deleted tags are hidden from editors as from readers; a write keeps them. */
  private static final String UNLINK_LIVE_TAGS =
      """
      DELETE FROM paper_tag
      WHERE paper_id = ANY(:paper_ids::bigint[]) AND tag_slug IN (SELECT slug FROM live_tag)
      """;

  private static final String EDITABLE_STATES =
      "SELECT id, "
          + PAPER_COLUMNS
          + """
          ,
              ARRAY(SELECT a.name_as_written FROM paper_author a WHERE a.paper_id = p.id
                    ORDER BY a.position) AS authors,
              ARRAY(SELECT t.tag_slug FROM paper_tag t WHERE t.paper_id = p.id
                    AND t.tag_slug IN (SELECT slug FROM live_tag) ORDER BY t.tag_slug) AS tags
          FROM paper p
          WHERE id = ANY(:ids::bigint[])
          """;

  private static final String RESERVE_IDS =
      "SELECT nextval(pg_get_serial_sequence('paper', 'id')) FROM generate_series(1, :count)";

  private static final String INSERT_ALL =
      """
      INSERT INTO paper (id, entry_type, title, abstract, year, date, venue, volume, number, pages,
          publisher, doi, arxiv_id, url, code_url)
      SELECT * FROM unnest(:id::bigint[], :entry_type::text[], :title::text[], :abstract::text[],
          :year::int[], :date::text[], :venue::text[], :volume::text[], :number::text[],
          :pages::text[], :publisher::text[], :doi::text[], :arxiv_id::text[], :url::text[],
          :code_url::text[])
      """;

  private static final String UPDATE_ALL =
      """
      UPDATE paper p SET (entry_type, title, abstract, year, date, venue, volume, number, pages,
          publisher, doi, arxiv_id, url, code_url, updated_at)
        = (u.entry_type, u.title, u.abstract, u.year, u.date, u.venue, u.volume, u.number,
           u.pages, u.publisher, u.doi, u.arxiv_id, u.url, u.code_url, now())
      FROM unnest(:id::bigint[], :entry_type::text[], :title::text[], :abstract::text[],
          :year::int[], :date::text[], :venue::text[], :volume::text[], :number::text[],
          :pages::text[], :publisher::text[], :doi::text[], :arxiv_id::text[], :url::text[],
          :code_url::text[])
          AS u(id, entry_type, title, abstract, year, date, venue, volume, number, pages,
               publisher, doi, arxiv_id, url, code_url)
      WHERE p.id = u.id
      """;

  /**
   * One paper of a bulk write: a new one under an id from {@link #reserveIds}, or the new editable
   * state of an existing one.
   */
  public record Written(long id, PaperInput state, boolean isNew) {}

  public PaperWriteRepository(AgroalDataSource dataSource) {
    super(dataSource, SoftDeletable.PAPER);
  }

  @Override
  public long insert(PaperInput p) throws SQLException {
    // A new paper has no links yet: nothing to delete first.
    return insertRow(
        h -> bindPaper(h.createQuery(INSERT), p),
        (h, id) -> link(h, List.of(new Written(id, p, true))));
  }

  @Override
  public void update(long id, PaperInput p) throws SQLException {
    updateRow(
        id,
        h -> bindPaper(h.createUpdate(UPDATE), p),
        (h, row) -> {
          List<Written> one = List.of(new Written(row, p, false));
          unlink(h, one);
          link(h, one);
        });
  }

  /**
   * As {@link #update(long, PaperInput)}, but the author and tag links are only rewritten when
   * {@code after} changes them: {@code before} is the editable state read under the row lock, so
   * links it already shows are the stored ones. An edit of the venue then writes no link.
   */
  public void update(long id, PaperInput before, PaperInput after) throws SQLException {
    boolean authors = !after.authors().equals(before.authors());
    boolean tags = !after.tags().equals(before.tags());
    updateRow(
        id,
        h -> bindPaper(h.createUpdate(UPDATE), after),
        (h, row) -> {
          List<Written> one = List.of(new Written(row, after, false));
          if (authors) {
            unlinkAuthors(h, one);
            linkAuthors(h, one);
          }
          if (tags) {
            unlinkTags(h, one);
            linkTags(h, one);
          }
        });
  }

  /** {@code count} new paper ids, ascending: what inserting one paper after another would use. */
  public List<Long> reserveIds(int count) throws SQLException {
    if (count == 0) {
      return List.of();
    }
    return Sql.query(
        dataSource,
        RESERVE_IDS,
        q -> q.bind("count", count).mapTo(Long.class).list().stream().sorted().toList());
  }

  /**
   * Inserts the new papers and rewrites the existing ones with their links, as {@link #insert} and
   * {@link #update} would one after the other, in a fixed number of statements. An author new to
   * the corpus is stored as the first paper in {@code papers} that names it spells it.
   */
  public void writeAll(List<Written> papers) throws SQLException {
    if (papers.isEmpty()) {
      return;
    }
    List<Written> inserted = papers.stream().filter(Written::isNew).toList();
    List<Written> updated = papers.stream().filter(w -> !w.isNew()).toList();
    Sql.use(
        dataSource,
        h -> {
          if (!inserted.isEmpty()) {
            bindPapers(h.createUpdate(INSERT_ALL), inserted).execute();
          }
          if (!updated.isEmpty()) {
            bindPapers(h.createUpdate(UPDATE_ALL), updated).execute();
            unlink(h, updated);
          }
          link(h, papers);
        });
  }

  public boolean existsLive(long id) throws SQLException {
    return SoftDeletable.PAPER.existsLive(dataSource, id);
  }

  public boolean existsIncludingDeleted(long id) throws SQLException {
    return Sql.query(
        dataSource,
        "SELECT 1 FROM paper WHERE id = :id",
        q -> q.bind("id", id).mapTo(Integer.class).findFirst().isPresent());
  }

  /** What still cites a paper as its own: live benchmark results, methods and datasets. */
  public record Citations(long results, long methods, long datasets) {
    public boolean any() {
      return results > 0 || methods > 0 || datasets > 0;
    }
  }

  public Citations liveCitations(long id) throws SQLException {
    return Sql.query(
        dataSource,
        """
                    SELECT (SELECT count(*) FROM live_benchmark_result WHERE paper_id = :id),
                           (SELECT count(*) FROM live_method WHERE paper_id = :id),
                           (SELECT count(*) FROM live_dataset WHERE paper_id = :id)
                    """,
        q ->
            q.bind("id", id)
                .map((rs, ctx) -> new Citations(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .one());
  }

  public Optional<SoftDeletable.Holder> holderOfDoi(String doi, Long exceptId) throws SQLException {
    return holderOf("doi", doi, exceptId);
  }

  public Optional<SoftDeletable.Holder> holderOfArxivId(String arxivId, Long exceptId)
      throws SQLException {
    return holderOf("arxiv_id", arxivId, exceptId);
  }

  public List<String> unknownTags(List<String> slugs) throws SQLException {
    if (slugs.isEmpty()) {
      return new java.util.ArrayList<>();
    }
    return Sql.query(
        dataSource,
        "SELECT s FROM unnest(:slugs::text[]) WITH ORDINALITY AS u(s, n)"
            + " WHERE NOT EXISTS (SELECT 1 FROM live_tag WHERE slug = u.s)"
            + " ORDER BY n",
        q -> q.bind("slugs", slugs.toArray(String[]::new)).mapTo(String.class).list());
  }

  /** The editable state of a paper, deleted or not; empty when no such row exists. */
  @Override
  public Optional<PaperInput> editableState(long id) throws SQLException {
    return Optional.ofNullable(editableStates(List.of(id)).get(id));
  }

  /** The editable states of papers, deleted or not, by id; ids without a row are left out. */
  public Map<Long, PaperInput> editableStates(Collection<Long> ids) throws SQLException {
    Map<Long, PaperInput> states = new HashMap<>();
    if (ids.isEmpty()) {
      return states;
    }
    Sql.use(
        dataSource,
        h ->
            h.createQuery(EDITABLE_STATES)
                .bind("ids", ids.toArray(Long[]::new))
                .map(
                    (rs, ctx) ->
                        Map.entry(
                            rs.getLong("id"),
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
                                List.of((String[]) rs.getArray("authors").getArray()),
                                List.of((String[]) rs.getArray("tags").getArray()))))
                .forEach(e -> states.put(e.getKey(), e.getValue())));
    return states;
  }

  /**
   * Removes the author links and the tag links the editable state shows. Links to soft-deleted tags
   * are kept, so that restoring such a tag brings its papers back with it.
   */
  private static void unlink(Handle h, List<Written> papers) {
    unlinkAuthors(h, papers);
    unlinkTags(h, papers);
  }

  private static void unlinkAuthors(Handle h, List<Written> papers) {
    h.createUpdate("DELETE FROM paper_author WHERE paper_id = ANY(:paper_ids::bigint[])")
        .bind("paper_ids", ids(papers))
        .execute();
  }

  private static void unlinkTags(Handle h, List<Written> papers) {
    h.createUpdate(UNLINK_LIVE_TAGS).bind("paper_ids", ids(papers)).execute();
  }

  private static Long[] ids(List<Written> papers) {
    return papers.stream().map(Written::id).toArray(Long[]::new);
  }

  /** Links the papers' authors and tags, in their order. */
  private static void link(Handle h, List<Written> papers) {
    linkAuthors(h, papers);
    linkTags(h, papers);
  }

  private static void linkAuthors(Handle h, List<Written> papers) {
    List<Long> paperIds = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Written w : papers) {
      List<String> authors = w.state().authors();
      for (int position = 0; position < authors.size(); position++) {
        paperIds.add(w.id());
        positions.add(position);
        names.add(authors.get(position));
      }
    }
    if (names.isEmpty()) {
      return;
    }
    h.createUpdate(LINK_AUTHORS)
        .bind("paper_ids", paperIds.toArray(Long[]::new))
        .bind("positions", positions.toArray(Integer[]::new))
        .bind("names", names.toArray(String[]::new))
        .bind("normalized_names", names.stream().map(AuthorNames::normalize).toArray(String[]::new))
        .execute();
  }

  private static void linkTags(Handle h, List<Written> papers) {
    List<Long> paperIds = new ArrayList<>();
    List<String> slugs = new ArrayList<>();
    for (Written w : papers) {
      for (String slug : w.state().tags()) {
        paperIds.add(w.id());
        slugs.add(slug);
      }
    }
    if (slugs.isEmpty()) {
      return;
    }
    h.createUpdate(LINK_TAGS)
        .bind("paper_ids", paperIds.toArray(Long[]::new))
        .bind("slugs", slugs.toArray(String[]::new))
        .execute();
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

  /** Binds each column of {@link #PAPER_COLUMNS} and the ids as an array, one element a paper. */
  private static <S extends SqlStatement<S>> S bindPapers(S statement, List<Written> papers) {
    List<PaperInput> ps = papers.stream().map(Written::state).toList();
    return statement
        .bind("id", papers.stream().map(Written::id).toArray(Long[]::new))
        .bind("entry_type", column(ps, PaperInput::entryType))
        .bind("title", column(ps, PaperInput::title))
        .bind("abstract", column(ps, PaperInput::abstractText))
        .bind("year", ps.stream().map(PaperInput::year).toArray(Integer[]::new))
        .bind("date", column(ps, PaperInput::date))
        .bind("venue", column(ps, PaperInput::venue))
        .bind("volume", column(ps, PaperInput::volume))
        .bind("number", column(ps, PaperInput::number))
        .bind("pages", column(ps, PaperInput::pages))
        .bind("publisher", column(ps, PaperInput::publisher))
        .bind("doi", column(ps, PaperInput::doi))
        .bind("arxiv_id", column(ps, PaperInput::arxivId))
        .bind("url", column(ps, PaperInput::url))
        .bind("code_url", column(ps, PaperInput::codeUrl));
  }

  private static String[] column(List<PaperInput> papers, Function<PaperInput, String> field) {
    return papers.stream().map(field).toArray(String[]::new);
  }
}
