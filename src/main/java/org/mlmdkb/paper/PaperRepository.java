package org.mlmdkb.paper;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * Paper queries. A list page costs three statements (its rows by id, their authors, their tags):
 * which papers a page holds, and in which order, the search index says (search.PaperListIndex).
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

  /**
   * The live papers among {@code ids}, in the order of {@code ids}. The paper list reads its page's
   * ids from the search index and its rows from here; a paper deleted (or not yet on the replica)
   * since the index answered is missing from the result.
   */
  public List<Row> listByIds(List<Long> ids) throws SQLException {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, Row> byId = new HashMap<>();
    forEachRow(
        "SELECT " + COLUMNS + " FROM live_paper p WHERE p.id = ANY(:ids)",
        ids,
        rs -> byId.put(rs.getLong("id"), row(rs)));
    List<Row> out = new ArrayList<>();
    for (Long id : ids) {
      Row r = byId.get(id);
      if (r != null) {
        out.add(r);
      }
    }
    return out;
  }

  /**
   * A paper's page without its results: the paper with its authors, tags, methods, datasets and
   * sources, read in one statement where it took six. Each list is an array of its rows (a row is
   * an array of texts), in the order the single reads above give.
   */
  public record Detail(
      Row row,
      List<AuthorRef> authors,
      List<String> tags,
      List<LinkedItem> methods,
      List<LinkedItem> datasets,
      List<SourceRef> sources) {}

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
              rowsOf(rs, "authors", a -> new AuthorRef(Long.parseLong(a[0]), a[1])),
              Sql.texts(rs.getArray("tags")),
              rowsOf(rs, "methods", m -> new LinkedItem(m[0], m[1], m[2])),
              rowsOf(rs, "datasets", d -> new LinkedItem(d[0], d[1], d[2])),
              rowsOf(rs, "sources", x -> new SourceRef(x[0], x[1])));

  /**
   * How a paper is named in a request: its id, DOI or arXiv id, as the schema stores them. Only the
   * factories make one, so its SQL condition is always one of these three.
   */
  public static final class Key {
    private final String condition;
    private final Object value;

    private Key(String condition, Object value) {
      this.condition = condition;
      this.value = value;
    }

    public static Key id(long id) {
      return new Key("p.id = :value", id);
    }

    public static Key doi(String doi) {
      return new Key("p.doi = :value", doi);
    }

    public static Key arxivId(String arxivId) {
      return new Key("p.arxiv_id = :value", arxivId);
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
    String sql = select + " WHERE " + key.condition;
    return Sql.query(dataSource, sql, q -> q.bind("value", key.value).map(mapper).findOne());
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

  /** Authors of many papers at once, in their order on each paper. */
  public Map<Long, List<AuthorRef>> authorsOf(List<Long> paperIds) throws SQLException {
    return byPaper(
        "SELECT pa.paper_id, pa.author_id, pa.name_as_written FROM paper_author pa"
            + " WHERE pa.paper_id = ANY(:ids) ORDER BY pa.paper_id, pa.position",
        paperIds,
        rs -> new AuthorRef(rs.getLong(2), rs.getString(3)));
  }

  public Map<Long, List<String>> tagsOf(List<Long> paperIds) throws SQLException {
    return byPaper(
        "SELECT pt.paper_id, pt.tag_slug FROM paper_tag pt JOIN live_tag t ON t.slug = pt.tag_slug"
            + " WHERE pt.paper_id = ANY(:ids) ORDER BY pt.tag_slug",
        paperIds,
        rs -> rs.getString(2));
  }

  /** The rows {@code sql} reads for the one paper {@code :paper_id}, each mapped by {@code row}. */
  private <T> List<T> ofPaper(String sql, long paperId, RowMapper<T> row) throws SQLException {
    return Sql.query(dataSource, sql, q -> q.bind("paper_id", paperId).map(row).list());
  }

  /**
   * What {@code sql} reads for the papers {@code :ids}, its first column the paper id: for each
   * paper, the values {@code value} makes of its rows, in the order of the rows.
   */
  private <T> Map<Long, List<T>> byPaper(String sql, List<Long> paperIds, RowReader<T> value)
      throws SQLException {
    Map<Long, List<T>> out = new LinkedHashMap<>();
    forEachRow(
        sql,
        paperIds,
        rs -> out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(value.read(rs)));
    return out;
  }

  private interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private interface RowConsumer {
    void accept(ResultSet rs) throws SQLException;
  }

  /** Runs {@code sql}, whose one parameter is the array {@code :ids}, row by row. */
  private void forEachRow(String sql, List<Long> ids, RowConsumer consumer) throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    Long[] idArray = ids.toArray(Long[]::new);
    Sql.query(
        dataSource,
        sql,
        q ->
            q.bind("ids", idArray)
                .reduceResultSet(
                    (Void) null,
                    (none, rs, ctx) -> {
                      consumer.accept(rs);
                      return none;
                    }));
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
