package org.mlmdkb.paper;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mlmdkb.common.db.Rows;
import org.mlmdkb.common.db.SqlQuery;
import org.mlmdkb.common.db.replica.ReadDataSource;
import org.mlmdkb.common.db.replica.ReplicaFallback;
import org.mlmdkb.paper.PaperDtos.AuthorRef;
import org.mlmdkb.paper.PaperDtos.LinkedItem;
import org.mlmdkb.paper.PaperDtos.SourceRef;

/** Paper queries. A page costs four statements: count, page, its authors, its tags. */
@ReplicaFallback
@ApplicationScoped
public class PaperRepository {

  static final String COLUMNS =
      "p.id, p.title, p.abstract, p.year, p.date, p.venue, p.volume, p.number, p.pages,"
          + " p.publisher, p.entry_type, p.doi, p.arxiv_id, p.url, p.code_url, p.added_at,"
          + " p.updated_at";

  /** A tag filter also matches the tag's descendants in the taxonomy. */
  private static final String TAG_FILTER =
      """
      EXISTS (SELECT 1 FROM paper_tag pt WHERE pt.paper_id = p.id AND pt.tag_slug IN (
          WITH RECURSIVE sub(slug) AS (
              SELECT slug FROM live_tag WHERE slug = ANY(?)
              UNION SELECT t.slug FROM tag t JOIN sub ON t.parent_slug = sub.slug)
          SELECT slug FROM sub))
      """;

  private static final String AUTHOR_FILTER =
      "EXISTS (SELECT 1 FROM paper_author pa JOIN author a ON a.id = pa.author_id"
          + " WHERE pa.paper_id = p.id AND a.normalized_name LIKE ?)";

  private static final String METHOD_FILTER =
      "EXISTS (SELECT 1 FROM paper_method pm JOIN live_method m ON m.id = pm.method_id"
          + " WHERE pm.paper_id = p.id AND m.slug = ANY(?))";

  private static final String DATASET_FILTER =
      "EXISTS (SELECT 1 FROM paper_dataset pd JOIN live_dataset d ON d.id = pd.dataset_id"
          + " WHERE pd.paper_id = p.id AND d.slug = ANY(?))";

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
      OffsetDateTime updatedAt,
      String sortKey) {}

  public record Slice(List<Row> rows, long total) {}

  /**
   * {@code matches} are the papers the search index matched for {@code f.q()}, with their scores
   * (see search.SearchService#matchingPapers); they are bound once and joined as {@code tsq}, so
   * the relevance sort key and the match condition need no parameters of their own.
   */
  public Slice list(PaperFilter f, Map<Long, Float> matches, List<String> after)
      throws SQLException {
    SqlQuery query = filters(f);
    String from =
        f.q() == null
            ? " FROM live_paper p"
            : " FROM live_paper p JOIN unnest(?::bigint[], ?::real[]) AS tsq(id, score) ON tsq.id = p.id";
    List<Object> head =
        f.q() == null
            ? List.of()
            : List.of(
                matches.keySet().toArray(Long[]::new), matches.values().toArray(Float[]::new));
    String pageSql =
        "SELECT " + COLUMNS + ", (" + f.sort().keyExpression() + ")::text AS sort_key" + from;
    try (Connection c = dataSource.getConnection()) {
      long total;
      try (PreparedStatement ps =
              prepare(c, "SELECT count(*)" + from + query.whereClause(), head, query.params());
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        total = rs.getLong(1);
      }
      SqlQuery page = filters(f);
      if (after != null) {
        page.where(f.sort().after(), after.get(0), Long.parseLong(after.get(1)));
      }
      String sql = pageSql + page.whereClause() + f.sort().orderBy() + " LIMIT ?";
      List<Object> params = new ArrayList<>(page.params());
      params.add(f.limit() + 1);
      List<Row> rows = new ArrayList<>();
      try (PreparedStatement ps = prepare(c, sql, head, params);
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(row(rs, rs.getString("sort_key")));
        }
      }
      return new Slice(rows, total);
    }
  }

  private static PreparedStatement prepare(
      Connection c, String sql, List<Object> head, List<Object> rest) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    List<Object> all = new ArrayList<>(head);
    all.addAll(rest);
    SqlQuery.bind(c, ps, all);
    return ps;
  }

  /**
   * The filter conditions on alias {@code p}, a row of live_paper (soft-deleted papers are never
   * read); search.IndexQueries#paperFilters mirrors them.
   */
  public static SqlQuery filters(PaperFilter f) {
    SqlQuery q = new SqlQuery();
    if (f.yearFrom() != null) {
      q.where("p.year >= ?", f.yearFrom());
    }
    if (f.yearTo() != null) {
      q.where("p.year <= ?", f.yearTo());
    }
    if (f.author() != null) {
      q.where(AUTHOR_FILTER, "%" + escapeLike(AuthorNames.normalize(f.author())) + "%");
    }
    if (f.venue() != null) {
      q.where("lower(p.venue) = lower(?)", f.venue());
    }
    slugFilter(q, TAG_FILTER, SlugChoice.parse("tag", f.tag()));
    slugFilter(q, METHOD_FILTER, SlugChoice.parse("method", f.method()));
    slugFilter(q, DATASET_FILTER, SlugChoice.parse("dataset", f.dataset()));
    if (f.hasCode() != null) {
      q.where(f.hasCode() ? "p.code_url IS NOT NULL" : "p.code_url IS NULL");
    }
    return q;
  }

  /** Any of the wanted slugs, none of the excluded ones. */
  private static void slugFilter(SqlQuery q, String condition, SlugChoice choice) {
    if (choice == null) {
      return;
    }
    if (!choice.anyOf().isEmpty()) {
      q.where(condition, (Object) choice.anyOf().toArray(String[]::new));
    }
    if (!choice.noneOf().isEmpty()) {
      q.where("NOT " + condition, (Object) choice.noneOf().toArray(String[]::new));
    }
  }

  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  public Optional<Row> findById(long id) throws SQLException {
    return findOne("p.id = ?", id);
  }

  public Optional<Row> findByDoi(String doi) throws SQLException {
    return findOne("p.doi = ?", doi);
  }

  public Optional<Row> findByArxivId(String arxivId) throws SQLException {
    return findOne("p.arxiv_id = ?", arxivId);
  }

  private Optional<Row> findOne(String condition, Object value) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT " + COLUMNS + " FROM live_paper p WHERE " + condition)) {
      ps.setObject(1, value);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(row(rs, null)) : Optional.empty();
      }
    }
  }

  /** Authors of many papers at once, in their order on each paper. */
  public Map<Long, List<AuthorRef>> authorsOf(List<Long> paperIds) throws SQLException {
    Map<Long, List<AuthorRef>> out = new LinkedHashMap<>();
    forEachRow(
        "SELECT pa.paper_id, pa.author_id, pa.name_as_written FROM paper_author pa"
            + " WHERE pa.paper_id = ANY(?) ORDER BY pa.paper_id, pa.position",
        paperIds,
        rs ->
            out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                .add(new AuthorRef(rs.getLong(2), rs.getString(3))));
    return out;
  }

  public Map<Long, List<String>> tagsOf(List<Long> paperIds) throws SQLException {
    Map<Long, List<String>> out = new LinkedHashMap<>();
    forEachRow(
        "SELECT pt.paper_id, pt.tag_slug FROM paper_tag pt JOIN live_tag t ON t.slug = pt.tag_slug"
            + " WHERE pt.paper_id = ANY(?) ORDER BY pt.tag_slug",
        paperIds,
        rs -> out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)));
    return out;
  }

  public List<LinkedItem> methodsOf(long paperId) throws SQLException {
    return Rows.list(
        dataSource,
        "SELECT m.slug, m.name, pm.relation FROM paper_method pm JOIN live_method m ON m.id ="
            + " pm.method_id WHERE pm.paper_id = ? ORDER BY m.slug",
        PaperRepository::linkedItem,
        paperId);
  }

  public List<LinkedItem> datasetsOf(long paperId) throws SQLException {
    return Rows.list(
        dataSource,
        "SELECT d.slug, d.name, pd.relation FROM paper_dataset pd JOIN live_dataset d ON d.id ="
            + " pd.dataset_id WHERE pd.paper_id = ? ORDER BY d.slug",
        PaperRepository::linkedItem,
        paperId);
  }

  public List<SourceRef> sourcesOf(long paperId) throws SQLException {
    return Rows.list(
        dataSource,
        "SELECT source_id, source_key FROM paper_source WHERE paper_id = ?"
            + " ORDER BY source_id, source_key",
        rs -> new SourceRef(rs.getString(1), rs.getString(2)),
        paperId);
  }

  private static LinkedItem linkedItem(ResultSet rs) throws SQLException {
    return new LinkedItem(rs.getString(1), rs.getString(2), rs.getString(3));
  }

  private interface RowConsumer {
    void accept(ResultSet rs) throws SQLException;
  }

  private void forEachRow(String sql, List<Long> ids, RowConsumer consumer) throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          consumer.accept(rs);
        }
      }
    }
  }

  private static Row row(ResultSet rs, String sortKey) throws SQLException {
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
        rs.getObject("updated_at", OffsetDateTime.class),
        sortKey);
  }
}
