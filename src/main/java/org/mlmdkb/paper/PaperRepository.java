package org.mlmdkb.paper;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.mapper.RowMapper;
import org.mlmdkb.common.db.Sql;
import org.mlmdkb.common.db.replica.ReadDataSource;
import org.mlmdkb.common.db.replica.ReplicaFallback;
import org.mlmdkb.paper.PaperDtos.AuthorRef;
import org.mlmdkb.paper.PaperDtos.LinkedItem;
import org.mlmdkb.paper.PaperDtos.SourceRef;

/**
 * Paper queries. A list page costs one statement (its rows by id, with their authors and tags):
 * which papers a page holds, and in which order, the search index says (search.PaperListIndex). A
 * paper's page costs two: the paper with its lists, then its results (ResultRepository).
 */
@ReplicaFallback
@ApplicationScoped
public class PaperRepository {

  static final String COLUMNS =
      "p.id, p.title, p.abstract, p.year, p.date, p.venue, p.volume, p.number, p.pages,"
          + " p.publisher, p.entry_type, p.doi, p.arxiv_id, p.url, p.code_url, p.added_at,"
          + " p.updated_at";

  private final ReadDataSource dataSource;

  public PaperRepository(ReadDataSource dataSource) {
    this.dataSource = dataSource;
  }

  public record Row(
      long id,
      String title,
      String abstractText,
      Integer year,
      String date,
      String venue,
      String volume,
      String number,
      String pages,
      String publisher,
      String entryType,
      String doi,
      String arxivId,
      String url,
      String codeUrl,
      OffsetDateTime addedAt,
      OffsetDateTime updatedAt) {}

  /** A paper of a list with its authors (in their order) and live tags. */
  public record Listed(Row row, List<AuthorRef> authors, List<String> tags) {}

  /**
   * Papers by id with their authors and tags, aggregated per paper from one scan of each link table
   * (a correlated subquery per paper and list took half as long again on a page of 20).
   */
  private static final String LISTED =
      "SELECT "
          + COLUMNS
          + """
          , a.authors, t.tags FROM live_paper p
          LEFT JOIN (SELECT pa.paper_id,
                            array_agg(ARRAY[pa.author_id::text, pa.name_as_written]
                                      ORDER BY pa.position) AS authors
                     FROM paper_author pa WHERE pa.paper_id = ANY(:ids)
                     GROUP BY pa.paper_id) a ON a.paper_id = p.id
          LEFT JOIN (SELECT pt.paper_id, array_agg(pt.tag_slug ORDER BY pt.tag_slug) AS tags
                     FROM paper_tag pt JOIN live_tag lt ON lt.slug = pt.tag_slug
                     WHERE pt.paper_id = ANY(:ids)
                     GROUP BY pt.paper_id) t ON t.paper_id = p.id
          WHERE p.id = ANY(:ids)
          """;

  private static final RowMapper<Listed> LISTED_ROW =
      (rs, ctx) -> new Listed(row(rs), authors(rs), Sql.texts(rs.getArray("tags")));

  /**
   * The live papers among {@code ids}, in the order of {@code ids}, with their authors and tags:
   * one statement. The paper list reads its page's ids from the search index and its rows from
   * here; a paper deleted (or not yet on the replica) since the index answered is missing from the
   * result.
   */
  public List<Listed> listByIds(List<Long> ids) throws SQLException {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, Listed> byId = new HashMap<>();
    Sql.query(
            dataSource, LISTED, q -> q.bind("ids", ids.toArray(Long[]::new)).map(LISTED_ROW).list())
        .forEach(l -> byId.put(l.row().id(), l));
    List<Listed> out = new ArrayList<>();
    for (Long id : ids) {
      Listed l = byId.get(id);
      if (l != null) {
        out.add(l);
      }
    }
    return out;
  }

  /**
   * A paper's page without its results: the paper with its authors, tags, methods, datasets and
   * sources, read in one statement where it took six. Each list is an array of its rows (a row is
   * an array of texts), in the order the page shows them.
   */
  public record Detail(
      Row row,
      List<AuthorRef> authors,
      List<String> tags,
      List<LinkedItem> methods,
      List<LinkedItem> datasets,
      List<SourceRef> sources) {}

  /** What a paper's page lists beside the paper: a correlated subquery per list. */
  private static final String DETAIL_LISTS =
      """
          , ARRAY(SELECT ARRAY[pa.author_id::text, pa.name_as_written] FROM paper_author pa
                  WHERE pa.paper_id = p.id ORDER BY pa.position) AS authors,
            ARRAY(SELECT pt.tag_slug FROM paper_tag pt JOIN live_tag t ON t.slug = pt.tag_slug
                  WHERE pt.paper_id = p.id ORDER BY pt.tag_slug) AS tags,
            ARRAY(SELECT ARRAY[m.slug, m.name, pm.relation] FROM paper_method pm
                  JOIN live_method m ON m.id = pm.method_id
                  WHERE pm.paper_id = p.id ORDER BY m.slug) AS methods,
            ARRAY(SELECT ARRAY[d.slug, d.name, pd.relation] FROM paper_dataset pd
                  JOIN live_dataset d ON d.id = pd.dataset_id
                  WHERE pd.paper_id = p.id ORDER BY d.slug) AS datasets,
            ARRAY(SELECT ARRAY[ps.source_id, ps.source_key] FROM paper_source ps
                  WHERE ps.paper_id = p.id ORDER BY ps.source_id, ps.source_key) AS sources
          """;

  private static final RowMapper<Detail> DETAIL_ROW =
      (rs, ctx) ->
          new Detail(
              row(rs),
              authors(rs),
              Sql.texts(rs.getArray("tags")),
              rowsOf(rs, "methods", m -> new LinkedItem(m[0], m[1], m[2])),
              rowsOf(rs, "datasets", d -> new LinkedItem(d[0], d[1], d[2])),
              rowsOf(rs, "sources", x -> new SourceRef(x[0], x[1])));

  /** How a paper is named in a request: its id, DOI or arXiv id, as the schema stores them. */
  public record Key(By by, Object value) {
    public static Key id(long id) {
      return new Key(By.ID, id);
    }

    public static Key doi(String doi) {
      return new Key(By.DOI, doi);
    }

    public static Key arxivId(String arxivId) {
      return new Key(By.ARXIV_ID, arxivId);
    }
  }

  /** The column a {@link Key} is matched on: one of these, never request text. */
  public enum By {
    ID("p.id"),
    DOI("p.doi"),
    ARXIV_ID("p.arxiv_id");

    private final String column;

    By(String column) {
      this.column = column;
    }
  }

  /** The live paper {@code key} names. */
  public Optional<Row> find(Key key) throws SQLException {
    return findOne("SELECT " + COLUMNS + " FROM live_paper p", key, (rs, ctx) -> row(rs));
  }

  /** The live paper {@code key} names, with what its page lists beside it but its results. */
  public Optional<Detail> findDetail(Key key) throws SQLException {
    return findOne("SELECT " + COLUMNS + DETAIL_LISTS + " FROM live_paper p", key, DETAIL_ROW);
  }

  private <T> Optional<T> findOne(String select, Key key, RowMapper<T> mapper) throws SQLException {
    String sql = select + " WHERE " + key.by().column + " = :value";
    return Sql.query(dataSource, sql, q -> q.bind("value", key.value()).map(mapper).findOne());
  }

  private static List<AuthorRef> authors(ResultSet rs) throws SQLException {
    return rowsOf(rs, "authors", a -> new AuthorRef(Long.parseLong(a[0]), a[1]));
  }

  /** The rows of a two-dimensional text array column, each made into a {@code T}. */
  private static <T> List<T> rowsOf(ResultSet rs, String column, Function<String[], T> make)
      throws SQLException {
    Array array = rs.getArray(column);
    Object[] rows = array == null ? new Object[0] : (Object[]) array.getArray();
    List<T> out = new ArrayList<>(rows.length);
    for (Object row : rows) {
      out.add(make.apply((String[]) row));
    }
    return out;
  }

  private static Row row(ResultSet rs) throws SQLException {
    return new Row(
        rs.getLong("id"),
        rs.getString("title"),
        rs.getString("abstract"),
        (Integer) rs.getObject("year"),
        rs.getString("date"),
        rs.getString("venue"),
        rs.getString("volume"),
        rs.getString("number"),
        rs.getString("pages"),
        rs.getString("publisher"),
        rs.getString("entry_type"),
        rs.getString("doi"),
        rs.getString("arxiv_id"),
        rs.getString("url"),
        rs.getString("code_url"),
        rs.getObject("added_at", OffsetDateTime.class),
        rs.getObject("updated_at", OffsetDateTime.class));
  }
}
