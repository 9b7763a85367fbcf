package org.mlmdkb.result;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.mlmdkb.common.db.Sql;
import org.mlmdkb.common.db.SqlQuery;
import org.mlmdkb.common.db.replica.ReadDataSource;
import org.mlmdkb.common.db.replica.ReplicaFallback;

/** Benchmark result queries, always joined with their method, dataset, subset and paper. */
@ReplicaFallback
@ApplicationScoped
public class ResultRepository {

  /**
   * Results aliased r (from {@code results}) joined with their method, dataset (from {@code
   * datasets}, aliased d), subset and paper.
   */
  static String select(String results, String datasets) {
    return SELECT_FROM.formatted(results, datasets);
  }

  private static final String SELECT_FROM =
      """
      SELECT r.id, m.slug AS method_slug, m.name AS method_name, r.method_variant,
             d.slug AS dataset_slug, d.name AS dataset_name, s.slug AS subset_slug,
             s.name AS subset_name, r.task, r.target, r.metric, r.value, r.unit,
             r.canonical_value, r.canonical_unit, r.basis, r.n_train, r.split, r.uncertainty,
             r.n_runs, r.temperature_k, r.level_of_theory, r.status, r.reported_on,
             r.source_id, r.source_repository, r.source_path, r.source_commit,
             r.source_location, r.paper_id, p.doi AS paper_doi
      FROM %s
      JOIN method m ON m.id = r.method_id
      JOIN %s ON d.id = r.dataset_id
      LEFT JOIN dataset_subset s ON s.id = r.subset_id
      LEFT JOIN paper p ON p.id = r.paper_id
      """;

  /** Live results with their method, dataset, subset and paper. */
  static final String SELECT = select("live_benchmark_result r", "dataset d");

  private final ReadDataSource dataSource;

  public ResultRepository(ReadDataSource dataSource) {
    this.dataSource = dataSource;
  }

  public record Slice(List<ResultDto> rows, long total) {}

  /**
   * The number of results a filter without {@code paper} matches, summed from board_result_count
   * (V130), which holds every filter column but the paper: exact, and a few hundred rows at most
   * instead of every matching result.
   */
  private static final String COUNT_FROM_BOARD_COUNTS =
      "SELECT coalesce(sum(r.n), 0) FROM board_result_count r"
          + " LEFT JOIN dataset_subset s ON s.id = r.subset_id";

  /**
   * The same number for a filter on board columns only (dataset, subset, task, target, metric) from
   * board_summary (V165): a row per board.
   */
  private static final String COUNT_FROM_BOARD_SUMMARIES =
      "SELECT coalesce(sum(r.n_results), 0) FROM board_summary r"
          + " LEFT JOIN dataset_subset s ON s.id = r.subset_id";

  private static final String COUNT_RESULTS =
      "SELECT count(*) FROM live_benchmark_result r"
          + " LEFT JOIN dataset_subset s ON s.id = r.subset_id";

  /** Results in id order after {@code afterId}; fetches one extra row to detect a next page. */
  public Slice list(ResultFilter f, Long afterId) throws SQLException {
    SqlQuery query = filters(f);
    String count =
        f.paperId() != null
            ? COUNT_RESULTS
            : f.method() == null && f.status() == null
                ? COUNT_FROM_BOARD_SUMMARIES
                : COUNT_FROM_BOARD_COUNTS;
    return Sql.with(
        dataSource,
        h -> {
          long total = query.query(h, count + query.whereClause()).mapTo(Long.class).one();
          return new Slice(rows(h, f, afterId), total);
        });
  }

  /**
   * The same page without its total, for a caller that read the total in the same snapshot (a
   * method's page has it in its result count): one statement instead of two.
   */
  public List<ResultDto> rows(ResultFilter f, Long afterId) throws SQLException {
    return Sql.with(dataSource, h -> rows(h, f, afterId));
  }

  private static List<ResultDto> rows(Handle h, ResultFilter f, Long afterId) {
    SqlQuery page = filters(f);
    if (afterId != null) {
      page.where("r.id > :after_id", "after_id", afterId);
    }
    page.bind("limit", f.limit() + 1);
    String sql = SELECT + page.whereClause() + " ORDER BY r.id LIMIT :limit";
    return page.query(h, sql).map(DTO).list();
  }

  public java.util.Optional<ResultDto> findById(long id) throws SQLException {
    return Sql.query(
        dataSource, SELECT + " WHERE r.id = :id", q -> q.bind("id", id).map(DTO).findOne());
  }

  public List<ResultDto> listByPaper(long paperId) throws SQLException {
    return Sql.query(
        dataSource,
        SELECT + " WHERE r.paper_id = :paper_id ORDER BY r.id",
        q -> q.bind("paper_id", paperId).map(DTO).list());
  }

  private static final String BOARD_SUMMARIES =
      """
      SELECT d.slug AS dataset_slug, d.name AS dataset_name, s.slug AS subset_slug,
             s.name AS subset_name, r.task, r.target, r.metric, count(*) AS n_results,
             count(DISTINCT r.method_id) AS n_methods,
             count(DISTINCT (r.basis, r.split, r.n_train, r.level_of_theory, r.temperature_k,
                             r.canonical_unit)) AS n_fingerprints
      FROM live_benchmark_result r
      JOIN method m ON m.id = r.method_id
      JOIN live_dataset d ON d.id = r.dataset_id
      LEFT JOIN dataset_subset s ON s.id = r.subset_id
      """;

  /**
   * The same summaries from board_result_count (V130), which triggers keep at the number of live
   * results per fingerprint, status and method (about 12,000 rows at a million results). Grouped by
   * ids and byte-wise ("C") text, which groups the same rows, because sorting every row by collated
   * text was most of the statement's time; only the boards are sorted for display. Takes the WHERE
   * clause as %s.
   */
  private static final String BOARD_SUMMARIES_PRECOMPUTED =
      """
      SELECT d.slug AS dataset_slug, d.name AS dataset_name, s.slug AS subset_slug,
             s.name AS subset_name, g.task COLLATE "default" AS task,
             g.target COLLATE "default" AS target, g.metric COLLATE "default" AS metric,
             g.n_results, g.n_methods, g.n_fingerprints
      FROM (SELECT r.dataset_id, r.subset_id, r.task COLLATE "C" AS task,
                   r.target COLLATE "C" AS target, r.metric COLLATE "C" AS metric,
                   sum(r.n) AS n_results, count(DISTINCT r.method_id) AS n_methods,
                   count(DISTINCT (r.basis, r.split, r.n_train, r.level_of_theory,
                                   r.temperature_k, r.canonical_unit)) AS n_fingerprints
            FROM board_result_count r
            JOIN method m ON m.id = r.method_id
            JOIN live_dataset d ON d.id = r.dataset_id
            LEFT JOIN dataset_subset s ON s.id = r.subset_id
            %s
            GROUP BY r.dataset_id, r.subset_id, 3, 4, 5) g
      JOIN dataset d ON d.id = g.dataset_id
      LEFT JOIN dataset_subset s ON s.id = g.subset_id
      ORDER BY d.slug, s.slug NULLS FIRST, 5, 6, 7
      """;

  /**
   * The same summaries read from board_summary (V165): one row per board, kept exact by the count
   * triggers, so the whole index reads about 200 rows. Answers only filters on the board's own
   * columns; finer ones (basis, status, method criteria, ...) go through the counts above.
   */
  private static final String BOARD_SUMMARIES_PER_BOARD =
      """
      SELECT d.slug AS dataset_slug, d.name AS dataset_name, s.slug AS subset_slug,
             s.name AS subset_name, r.task, r.target, r.metric, r.n_results, r.n_methods,
             r.n_fingerprints
      FROM board_summary r
      JOIN live_dataset d ON d.id = r.dataset_id
      LEFT JOIN dataset_subset s ON s.id = r.subset_id
      """;

  /** One (dataset, subset, task, target, metric) combination that has results. */
  public record BoardSummaryRow(
      ResultDto.Ref dataset,
      ResultDto.Ref subset,
      String task,
      String target,
      String metric,
      long nResults,
      long nMethods,
      long nFingerprints) {}

  /**
   * The rows boards read, aliased r: the live results, or under {@code as_of} the versions current
   * and live then (V172, V187), narrowed to one dataset's boards when the filter names one, so the
   * indexes of those boards serve the read. Binds its parameters into {@code q}.
   */
  static String boardSource(BoardFilter f, SqlQuery q) {
    if (f.asOf() == null) {
      return "live_benchmark_result r";
    }
    q.bind("as_of", java.sql.Date.valueOf(f.asOf()));
    if (f.dataset() == null) {
      return "live_benchmark_result_as_of(:as_of::date) r";
    }
    q.bind("board_dataset", f.dataset())
        .bind("board_target", f.target())
        .bind("board_metric", f.metric());
    // One board: a function whose generic plan PostgreSQL can keep, so the statement is not
    // planned on every request (V187).
    String function =
        f.target() != null && f.metric() != null
            ? "live_benchmark_board_as_of"
            : "live_benchmark_result_as_of";
    return function
        + "(:as_of::date, :board_dataset::text, :board_target::text, :board_metric::text) r";
  }

  /** Every result matching {@code f}, as it stood at the end of {@code f.asOf()} if given. */
  public List<ResultDto> listForBoards(BoardFilter f) throws SQLException {
    SqlQuery q = boardFilters(f);
    String sql = select(boardSource(f, q), "live_dataset d") + q.whereClause() + " ORDER BY r.id";
    return Sql.with(dataSource, h -> q.query(h, sql).map(DTO).list());
  }

  /** The combinations that have results, for the leaderboard index. */
  public List<BoardSummaryRow> listBoards(BoardFilter f) throws SQLException {
    SqlQuery q;
    String sql;
    if (f.asOf() == null && onlyBoardColumns(f)) {
      q = fingerprintFilters(new SqlQuery().where("r.n_results > 0"), f);
      sql =
          BOARD_SUMMARIES_PER_BOARD
              + q.whereClause()
              + " ORDER BY d.slug, s.slug NULLS FIRST, r.task, r.target, r.metric";
    } else if (f.asOf() == null) {
      q = fingerprintFilters(new SqlQuery().where("r.n > 0"), f);
      sql = BOARD_SUMMARIES_PRECOMPUTED.formatted(q.whereClause());
    } else {
      // The counts hold the present only; an index as of a past date scans the versions.
      q = boardFilters(f);
      sql =
          BOARD_SUMMARIES
              + q.whereClause()
              + " GROUP BY d.slug, d.name, s.slug, s.name, r.task, r.target, r.metric"
              + " ORDER BY d.slug, s.slug NULLS FIRST, r.task, r.target, r.metric";
    }
    SqlQuery query = q;
    return Sql.with(
        dataSource, h -> query.query(h, sql).map(ResultRepository::boardSummary).list());
  }

  private static BoardSummaryRow boardSummary(ResultSet rs, StatementContext ctx)
      throws SQLException {
    String subset = rs.getString("subset_slug");
    return new BoardSummaryRow(
        new ResultDto.Ref(rs.getString("dataset_slug"), rs.getString("dataset_name")),
        subset == null ? null : new ResultDto.Ref(subset, rs.getString("subset_name")),
        rs.getString("task"),
        rs.getString("target"),
        rs.getString("metric"),
        rs.getLong("n_results"),
        rs.getLong("n_methods"),
        rs.getLong("n_fingerprints"));
  }

  /** Whether {@code f} narrows only by dataset, subset, task, target and metric. */
  private static boolean onlyBoardColumns(BoardFilter f) {
    return f.basis() == null
        && f.split() == null
        && f.nTrain() == null
        && f.levelOfTheory() == null
        && f.temperatureK() == null
        && f.status() == null
        && (f.methods() == null || f.methods().isEmpty())
        && (f.criteria() == null || f.criteria().isEmpty());
  }

  /** The units results matching {@code f} are reported in, to refuse a conversion up front. */
  public List<String> unitsOf(ResultFilter f) throws SQLException {
    SqlQuery q = filters(f);
    String sql =
        "SELECT DISTINCT r.unit FROM live_benchmark_result r JOIN method m ON m.id = r.method_id"
            + " JOIN dataset d ON d.id = r.dataset_id"
            + " LEFT JOIN dataset_subset s ON s.id = r.subset_id"
            + q.whereClause()
            + " ORDER BY r.unit";
    return Sql.with(dataSource, h -> q.query(h, sql).mapTo(String.class).list());
  }

  public boolean datasetExists(String slug) throws SQLException {
    return Sql.query(
        dataSource,
        "SELECT 1 FROM live_dataset WHERE slug = :slug",
        q -> q.bind("slug", slug).mapTo(Integer.class).findFirst().isPresent());
  }

  public java.util.Optional<ResultDto.Ref> findMethod(String slug) throws SQLException {
    return Sql.query(
        dataSource,
        "SELECT slug, name FROM live_method WHERE slug = :slug",
        q ->
            q.bind("slug", slug)
                .map((rs, ctx) -> new ResultDto.Ref(rs.getString(1), rs.getString(2)))
                .findOne());
  }

  /**
   * The conditions of a board read (the results from {@link #boardSource}, datasets from
   * live_dataset): soft-deleted rows are left out by those sources, not here.
   */
  static SqlQuery boardFilters(BoardFilter f) {
    SqlQuery q = fingerprintFilters(new SqlQuery(), f);
    if (f.asOf() != null) {
      // Rows without a publication date count from when they were added here.
      q.where(
          "coalesce(r.reported_on, r.added_at::date) <= :as_of::date",
          "as_of",
          java.sql.Date.valueOf(f.asOf()));
    }
    return q;
  }

  /** Conditions on columns that benchmark_result and board_result_count share, both aliased r. */
  static SqlQuery fingerprintFilters(SqlQuery q, BoardFilter f) {
    if (f.dataset() != null) {
      q.where("d.slug = :dataset", "dataset", f.dataset());
    }
    boardColumns(q, f.subset(), f.task(), f.target(), f.metric());
    if (f.basis() != null) {
      q.where("r.basis = :basis", "basis", f.basis());
    }
    if (f.split() != null) {
      q.where("r.split = :split", "split", f.split());
    }
    if (f.nTrain() != null) {
      q.where("r.n_train = :n_train", "n_train", f.nTrain());
    }
    if (f.levelOfTheory() != null) {
      q.where("r.level_of_theory = :level_of_theory", "level_of_theory", f.levelOfTheory());
    }
    if (f.temperatureK() != null) {
      q.where("r.temperature_k = :temperature_k", "temperature_k", f.temperatureK());
    }
    if (f.status() != null) {
      q.where("r.status = :status", "status", f.status());
    }
    if (f.methods() != null && !f.methods().isEmpty()) {
      q.where("m.slug = ANY (:methods)", "methods", f.methods().toArray(String[]::new));
    }
    if (f.criteria() != null) {
      methodCriteria(q, f.criteria());
    }
    return q;
  }

  /**
   * The conditions a result list and a board share on the board's columns (alias r, and s for the
   * subset); a metric matches whatever its case.
   */
  private static void boardColumns(
      SqlQuery q, String subset, String task, String target, String metric) {
    if (subset != null) {
      q.where("s.slug = :subset", "subset", subset);
    }
    if (task != null) {
      q.where("r.task = :task", "task", task);
    }
    if (target != null) {
      q.where("r.target = :target", "target", target);
    }
    if (metric != null) {
      q.where("lower(r.metric) = lower(:metric)", "metric", metric);
    }
  }

  /** The live training datasets of method {@code m}, as an array of slugs (NULL when none). */
  private static final String TRAINING_SLUGS =
      """
      (SELECT array_agg(td.slug) FROM method_training_dataset t
       JOIN live_dataset td ON td.id = t.dataset_id
       WHERE t.method_id = m.id)
      """;

  /** Method {@code :lineage} and every method derived from it; UNION (not ALL) stops at cycles. */
  private static final String LINEAGE_IDS =
      """
      m.id IN (WITH RECURSIVE descendant(id) AS (
                 SELECT id FROM live_method WHERE slug = :lineage
                 UNION
                 SELECT l.child_id FROM method_lineage l JOIN descendant d ON l.parent_id = d.id)
               SELECT id FROM descendant)
      """;

  private static void methodCriteria(SqlQuery q, MethodCriteria c) {
    if (!c.trainedOn().isEmpty()) {
      q.where(
          ":trained_on <@ " + TRAINING_SLUGS, "trained_on", c.trainedOn().toArray(String[]::new));
    }
    if (!c.trainedOnlyOn().isEmpty()) {
      // A method without training data (NULL) is not "trained only on" anything.
      q.where(
          TRAINING_SLUGS + " <@ :trained_only_on",
          "trained_only_on",
          c.trainedOnlyOn().toArray(String[]::new));
    }
    if (c.openness() != null) {
      q.where("m.code_url IS NOT NULL");
      switch (c.openness()) {
        case CODE -> {}
        case LICENSED -> q.where("m.licence IS NOT NULL");
        case OSI ->
            q.where(
                "lower(m.licence) = ANY (:osi_licences)",
                "osi_licences",
                Openness.OSI_LICENCES.toArray(String[]::new));
      }
    }
    if (c.params() != null && c.params().from() != null) {
      q.where("m.parameter_count >= :params_from", "params_from", c.params().from());
    }
    if (c.params() != null && c.params().to() != null) {
      q.where("m.parameter_count <= :params_to", "params_to", c.params().to());
    }
    if (c.year().from() != null) {
      q.where("m.year >= :year_from", "year_from", c.year().from());
    }
    if (c.year().to() != null) {
      q.where("m.year <= :year_to", "year_to", c.year().to());
    }
    if (c.lineage() != null) {
      q.where(LINEAGE_IDS, "lineage", c.lineage());
    }
  }

  /** The slugs among {@code slugs} that name no live dataset, in the order given. */
  public List<String> unknownDatasets(List<String> slugs) throws SQLException {
    List<String> known =
        Sql.query(
            dataSource,
            "SELECT slug FROM live_dataset WHERE slug = ANY (:slugs)",
            q -> q.bind("slugs", slugs.toArray(String[]::new)).mapTo(String.class).list());
    return slugs.stream().filter(s -> !known.contains(s)).toList();
  }

  /** Parameter counts of the live methods among {@code slugs}; methods without one are left out. */
  public java.util.Map<String, Long> parameterCounts(List<String> slugs) throws SQLException {
    return Sql.query(
        dataSource,
        "SELECT slug, parameter_count FROM live_method WHERE slug = ANY (:slugs)"
            + " AND parameter_count IS NOT NULL",
        q ->
            q.bind("slugs", slugs.toArray(String[]::new))
                .reduceResultSet(
                    new java.util.HashMap<String, Long>(),
                    (counts, rs, ctx) -> {
                      counts.put(rs.getString(1), rs.getLong(2));
                      return counts;
                    }));
  }

  private static SqlQuery filters(ResultFilter f) {
    return filters(new SqlQuery(), f);
  }

  /**
   * The conditions of {@code f} on alias r, s (the subset) and the tables r's ids point to. A
   * method or dataset is matched by id (one lookup), so the planner can walk an index on r's
   * method_id or dataset_id in id order instead of sorting every result of a large method.
   */
  private static SqlQuery filters(SqlQuery q, ResultFilter f) {
    if (f.dataset() != null) {
      q.where(
          "r.dataset_id = (SELECT id FROM dataset WHERE slug = :dataset)", "dataset", f.dataset());
    }
    if (f.method() != null) {
      q.where("r.method_id = (SELECT id FROM method WHERE slug = :method)", "method", f.method());
    }
    boardColumns(q, f.subset(), f.task(), f.target(), f.metric());
    if (f.paperId() != null) {
      q.where("r.paper_id = :paper_id", "paper_id", f.paperId());
    }
    if (f.status() != null) {
      q.where("r.status = :status", "status", f.status());
    }
    return q;
  }

  static final RowMapper<ResultDto> DTO = (rs, ctx) -> toDto(rs);

  static ResultDto toDto(ResultSet rs) throws SQLException {
    String subset = rs.getString("subset_slug");
    return new ResultDto(
        rs.getLong("id"),
        new ResultDto.Ref(rs.getString("method_slug"), rs.getString("method_name")),
        rs.getString("method_variant"),
        new ResultDto.Ref(rs.getString("dataset_slug"), rs.getString("dataset_name")),
        subset == null ? null : new ResultDto.Ref(subset, rs.getString("subset_name")),
        rs.getString("task"),
        rs.getString("target"),
        rs.getString("metric"),
        rs.getBigDecimal("value"),
        rs.getString("unit"),
        plain(rs.getBigDecimal("canonical_value")),
        rs.getString("canonical_unit"),
        rs.getString("basis"),
        (Integer) rs.getObject("n_train"),
        rs.getString("split"),
        rs.getBigDecimal("uncertainty"),
        (Integer) rs.getObject("n_runs"),
        rs.getBigDecimal("temperature_k"),
        rs.getString("level_of_theory"),
        rs.getString("status"),
        rs.getObject("reported_on", LocalDate.class),
        new ResultDto.Provenance(
            rs.getString("source_id"),
            rs.getString("source_repository"),
            rs.getString("source_path"),
            rs.getString("source_commit"),
            rs.getString("source_location"),
            (Long) rs.getObject("paper_id"),
            rs.getString("paper_doi")));
  }

  /** Drops trailing zeros but keeps 2500, not 2.5E+3, in JSON and CSV. */
  private static java.math.BigDecimal plain(java.math.BigDecimal value) {
    java.math.BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
