package org.mlmdkb.dataset;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.mlmdkb.common.db.ItemLinks;
import org.mlmdkb.common.db.Sql;
import org.mlmdkb.common.db.SqlQuery;
import org.mlmdkb.common.db.replica.ReadDataSource;
import org.mlmdkb.common.db.replica.ReplicaFallback;
import org.mlmdkb.dataset.DatasetDtos.DatasetSummary;
import org.mlmdkb.dataset.DatasetDtos.MethodLink;
import org.mlmdkb.dataset.DatasetDtos.PaperLink;
import org.mlmdkb.dataset.DatasetDtos.Subset;
import org.mlmdkb.dataset.DatasetDtos.Task;

/** Dataset queries: the list, one dataset with subsets, tasks, papers and trained methods. */
@ReplicaFallback
@ApplicationScoped
public class DatasetRepository {

  private static final String SUMMARY_COLUMNS =
      """
      SELECT d.id, d.slug, d.name, d.aliases, d.domain, d.level_of_theory, d.n_structures,
             d.n_materials, d.licence, d.url, d.description, d.size_note, d.paper_id,
             d.paper_doi, d.paper_arxiv_id,
             (SELECT count(*) FROM dataset_subset s WHERE s.dataset_id = d.id) AS subset_count,
             (SELECT coalesce(sum(b.n_results), 0) FROM board_summary b
              WHERE b.dataset_id = d.id) AS result_count
      """;

  private static final String SUMMARY = SUMMARY_COLUMNS + " FROM live_dataset d";

  /** One dataset's row with its paper count and sources: one statement where it took three. */
  private static final String DETAIL =
      SUMMARY_COLUMNS
          + ", "
          + ItemLinks.DATASET.paperCountAndSourcesColumns("d.id")
          + " FROM live_dataset d WHERE d.slug = :slug";

  private static final RowMapper<Row> ROW = (rs, ctx) -> row(rs);

  private final ReadDataSource dataSource;

  public DatasetRepository(ReadDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A dataset row with the detail-only columns alongside the summary. */
  public record Row(
      long id,
      DatasetSummary summary,
      String description,
      String sizeNote,
      DatasetDtos.IntroducingPaper paper) {}

  public List<Row> list(String domain, String q, String afterSlug, int limit) throws SQLException {
    SqlQuery query = filters(domain, q);
    String sql = SUMMARY + query.slugPage("d", afterSlug, limit);
    return Sql.with(dataSource, h -> query.query(h, sql).map(ROW).list());
  }

  public long count(String domain, String q) throws SQLException {
    return filters(domain, q).count(dataSource, "live_dataset d");
  }

  private static SqlQuery filters(String domain, String q) {
    SqlQuery query = new SqlQuery(); // d is a row of live_dataset
    if (domain != null) {
      query.where("d.domain = :domain", "domain", domain);
    }
    if (q != null) {
      query.whereNameContains("d", q);
    }
    return query;
  }

  public Optional<Row> findBySlug(String slug) throws SQLException {
    return Sql.query(
        dataSource,
        SUMMARY + " WHERE d.slug = :slug",
        q -> q.bind("slug", slug).map(ROW).findOne());
  }

  /** What a dataset's page shows of the dataset itself, beside its subsets, tasks and results. */
  public record Detail(Row row, long paperCount, List<String> sources) {}

  private static final RowMapper<Detail> DETAIL_ROW =
      (rs, ctx) ->
          new Detail(row(rs), rs.getLong("paper_count"), Sql.texts(rs.getArray("sources")));

  public Optional<Detail> findDetail(String slug) throws SQLException {
    return Sql.query(dataSource, DETAIL, q -> q.bind("slug", slug).map(DETAIL_ROW).findOne());
  }

  public List<Subset> subsets(long datasetId) throws SQLException {
    return query(
        "SELECT slug, name, description, level_of_theory, temperature_k, n_structures FROM"
            + " dataset_subset WHERE dataset_id = :dataset_id ORDER BY temperature_k NULLS LAST,"
            + " slug",
        datasetId,
        (rs, ctx) ->
            new Subset(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getBigDecimal(5),
                (Long) rs.getObject(6)));
  }

  /**
   * The dataset's tasks with their result counts: the per-method counts summed by hashing first and
   * the few sums ordered after (ordering the thousands of per-method rows by their text keys, then
   * grouping, took 3-4 ms at a million results).
   */
  public List<Task> tasks(long datasetId) throws SQLException {
    return query(
        """
        SELECT s.slug, g.task, g.target, g.metric, g.canonical_unit, g.n
        FROM (SELECT r.subset_id, r.task, r.target, r.metric, r.canonical_unit, sum(r.n) AS n
              FROM board_result_count r
              WHERE r.dataset_id = :dataset_id AND r.n > 0
              GROUP BY r.subset_id, r.task, r.target, r.metric, r.canonical_unit) g
        LEFT JOIN dataset_subset s ON s.id = g.subset_id
        ORDER BY s.slug NULLS FIRST, g.task, g.target, g.metric, g.canonical_unit
        """,
        datasetId,
        (rs, ctx) ->
            new Task(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getLong(6)));
  }

  public List<PaperLink> papers(long datasetId, int limit) throws SQLException {
    return ItemLinks.DATASET.papers(dataSource, datasetId, limit, PaperLink::new);
  }

  public List<MethodLink> trainedMethods(long datasetId) throws SQLException {
    return query(
        "SELECT m.slug, m.name FROM method_training_dataset t JOIN live_method m ON m.id ="
            + " t.method_id WHERE t.dataset_id = :dataset_id ORDER BY m.slug",
        datasetId,
        (rs, ctx) -> new MethodLink(rs.getString(1), rs.getString(2)));
  }

  /** The rows of {@code sql}, whose one parameter is {@code :dataset_id}. */
  private <T> List<T> query(String sql, long datasetId, RowMapper<T> mapper) throws SQLException {
    return Sql.query(dataSource, sql, q -> q.bind("dataset_id", datasetId).map(mapper).list());
  }

  private static Row row(ResultSet rs) throws SQLException {
    return new Row(
        rs.getLong("id"),
        new DatasetSummary(
            rs.getString("slug"),
            rs.getString("name"),
            Sql.texts(rs.getArray("aliases")),
            rs.getString("domain"),
            rs.getString("level_of_theory"),
            (Long) rs.getObject("n_structures"),
            (Long) rs.getObject("n_materials"),
            rs.getString("licence"),
            rs.getString("url"),
            rs.getLong("subset_count"),
            rs.getLong("result_count")),
        rs.getString("description"),
        rs.getString("size_note"),
        new DatasetDtos.IntroducingPaper(
            (Long) rs.getObject("paper_id"),
            rs.getString("paper_doi"),
            rs.getString("paper_arxiv_id")));
  }
}
