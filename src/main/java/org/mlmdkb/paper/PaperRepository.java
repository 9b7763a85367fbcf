package org.mlmdkb.paper;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  public Optional<Row> findById(long id) throws SQLException {
    return findOne("p.id = :value", id);
  }

  public Optional<Row> findByDoi(String doi) throws SQLException {
    return findOne("p.doi = :value", doi);
  }

  public Optional<Row> findByArxivId(String arxivId) throws SQLException {
    return findOne("p.arxiv_id = :value", arxivId);
  }

  /** The live paper whose {@code condition} on {@code :value} holds. */
  private Optional<Row> findOne(String condition, Object value) throws SQLException {
    String sql = "SELECT " + COLUMNS + " FROM live_paper p WHERE " + condition;
    return Sql.query(
        dataSource, sql, q -> q.bind("value", value).map((rs, ctx) -> row(rs)).findOne());
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

  public List<LinkedItem> methodsOf(long paperId) throws SQLException {
    return linkedItems(
        "SELECT m.slug, m.name, pm.relation FROM paper_method pm JOIN live_method m ON m.id ="
            + " pm.method_id WHERE pm.paper_id = :paper_id ORDER BY m.slug",
        paperId);
  }

  public List<LinkedItem> datasetsOf(long paperId) throws SQLException {
    return linkedItems(
        "SELECT d.slug, d.name, pd.relation FROM paper_dataset pd JOIN live_dataset d ON d.id ="
            + " pd.dataset_id WHERE pd.paper_id = :paper_id ORDER BY d.slug",
        paperId);
  }

  public List<SourceRef> sourcesOf(long paperId) throws SQLException {
    return ofPaper(
        "SELECT source_id, source_key FROM paper_source WHERE paper_id = :paper_id"
            + " ORDER BY source_id, source_key",
        paperId,
        (rs, ctx) -> new SourceRef(rs.getString(1), rs.getString(2)));
  }

  private List<LinkedItem> linkedItems(String sql, long paperId) throws SQLException {
    return ofPaper(
        sql,
        paperId,
        (rs, ctx) -> new LinkedItem(rs.getString(1), rs.getString(2), rs.getString(3)));
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
