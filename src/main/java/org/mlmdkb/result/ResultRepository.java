package org.mlmdkb.result;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.mlmdkb.common.db.SqlQuery;
import org.mlmdkb.common.db.replica.ReadDataSource;
import org.mlmdkb.common.db.replica.ReplicaFallback;

/** Benchmark result queries, always joined with their method, dataset, subset and paper. */
@ReplicaFallback
@ApplicationScoped
public class ResultRepository {

  static final String SELECT =
      """
      SELECT r.id, m.slug AS method_slug, m.name AS method_name, r.method_variant,
             d.slug AS dataset_slug, d.name AS dataset_name, s.slug AS subset_slug,
             s.name AS subset_name, r.task, r.target, r.metric, r.value, r.unit,
             r.canonical_value, r.canonical_unit, r.basis, r.n_train, r.split, r.uncertainty,
             r.n_runs, r.temperature_k, r.level_of_theory, r.status, r.reported_on,
             r.source_id, r.source_repository, r.source_path, r.source_commit,
             r.source_location, r.paper_id, p.doi AS paper_doi
      FROM benchmark_result r
      JOIN method m ON m.id = r.method_id
      JOIN dataset d ON d.id = r.dataset_id
      LEFT JOIN dataset_subset s ON s.id = r.subset_id
      LEFT JOIN paper p ON p.id = r.paper_id
      """;

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
      "SELECT count(*) FROM benchmark_result r LEFT JOIN dataset_subset s ON s.id = r.subset_id";

  /** Results in id order after {@code afterId}; fetches one extra row to detect a next page. */
  public Slice list(ResultFilter f, Long afterId) throws SQLException {
    SqlQuery query = f.paperId() == null ? filters(new SqlQuery(), f) : filters(live(), f);
    String count =
        f.paperId() != null
            ? COUNT_RESULTS
            : f.method() == null && f.status() == null
                ? COUNT_FROM_BOARD_SUMMARIES
                : COUNT_FROM_BOARD_COUNTS;
    try (Connection c = dataSource.getConnection()) {
      long total;
      try (PreparedStatement ps = query.prepare(c, count + query.whereClause());
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        total = rs.getLong(1);
      }
      SqlQuery page = filters(f);
      if (afterId != null) {
        page.where("r.id > ?", afterId);
      }
      return new Slice(
          read(c, SELECT + page.whereClause() + " ORDER BY r.id LIMIT ?", page, f.limit() + 1),
          total);
    }
  }

  public java.util.Optional<ResultDto> findById(long id) throws SQLException {
    SqlQuery q = live().where("r.id = ?", id);
    try (Connection c = dataSource.getConnection()) {
      return read(c, SELECT + q.whereClause(), q).stream().findFirst();
    }
  }

  public List<ResultDto> listByPaper(long paperId) throws SQLException {
    SqlQuery q = live().where("r.paper_id = ?", paperId);
    try (Connection c = dataSource.getConnection()) {
      return read(c, SELECT + q.whereClause() + " ORDER BY r.id", q);
    }
  }

  /**
   * The columns a version of a result has in both benchmark_result and its history, named so that
   * the two sides of a UNION line up. Converting each row through jsonb instead
   * (jsonb_populate_record(to_jsonb(b))) kept up with new columns by itself but cost about 65 µs a
   * row, most of an as_of board's time; a column added to both tables must be added here to be read
   * under as_of.
   */
  private static final String VERSION_COLUMNS =
      """
      %1$s.id, %1$s.seed_key, %1$s.method_id, %1$s.method_variant, %1$s.dataset_id,
      %1$s.subset_id, %1$s.task, %1$s.target, %1$s.metric, %1$s.value, %1$s.unit,
      %1$s.canonical_value, %1$s.canonical_unit, %1$s.basis, %1$s.n_train, %1$s.split,
      %1$s.uncertainty, %1$s.n_runs, %1$s.temperature_k, %1$s.level_of_theory, %1$s.status,
      %1$s.reported_on, %1$s.paper_id, %1$s.source_id, %1$s.source_repository, %1$s.source_path,
      %1$s.source_commit, %1$s.source_location, %1$s.added_at, %1$s.deleted_at
      """;

  private static final String CURRENT_VERSIONS =
      "SELECT "
          + VERSION_COLUMNS.formatted("b")
          + ", NULL::timestamptz AS superseded_at"
          + " FROM benchmark_result b";

  private static final String EARLIER_VERSIONS =
      "SELECT "
          + VERSION_COLUMNS.formatted("h")
          + ", h.superseded_at"
          + " FROM benchmark_result_history h";

  /**
   * The result versions current at the end of {@code asOf}: a row corrected later is replaced by
   * the version it superseded (benchmark_result_history, filled by a trigger). Its one parameter is
   * the as_of date.
   */
  private static final String VERSIONS_AS_OF =
      """
      (SELECT DISTINCT ON (v.id) v.*
       FROM (%s
             UNION ALL
             %s) v
       WHERE v.superseded_at IS NULL OR v.superseded_at >= ?::date + 1
       ORDER BY v.id, v.superseded_at NULLS LAST)
      """
          .formatted(CURRENT_VERSIONS, EARLIER_VERSIONS);

  private static final String BOARD_SUMMARIES =
      """
      SELECT d.slug AS dataset_slug, d.name AS dataset_name, s.slug AS subset_slug,
             s.name AS subset_name, r.task, r.target, r.metric, count(*) AS n_results,
             count(DISTINCT r.method_id) AS n_methods,
             count(DISTINCT (r.basis, r.split, r.n_train, r.level_of_theory, r.temperature_k,
                             r.canonical_unit)) AS n_fingerprints
      FROM benchmark_result r
      JOIN method m ON m.id = r.method_id
      JOIN dataset d ON d.id = r.dataset_id
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
            JOIN dataset d ON d.id = r.dataset_id
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
      JOIN dataset d ON d.id = r.dataset_id
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
   * The versions as of a date of only the results that are, or once were, on the boards of one
   * dataset (narrowed by target and metric when given): the live results read straight through
   * benchmark_result_live_board_idx, the earlier versions through
   * benchmark_result_history_board_idx (V166), instead of converting every result of the database.
   * Every version of such a result is considered, so one moved onto or off these boards later is
   * placed as it was then; a current row read twice (on the board and in the history) is the same
   * row, and DISTINCT ON keeps one. Placeholders: %1$s and %4$s the conditions on aliases c and b;
   * parameters: the conditions' (four times), the date.
   */
  private static final String VERSIONS_AS_OF_OF_CANDIDATES =
      """
      (SELECT DISTINCT ON (v.id) v.*
       FROM (%2$s
             WHERE b.deleted_at IS NULL %4$s
             UNION ALL
             %2$s
             WHERE b.id IN (SELECT c.id FROM benchmark_result_history c WHERE true %1$s)
             UNION ALL
             %3$s
             WHERE h.id IN (SELECT c.id FROM benchmark_result c
                            WHERE c.deleted_at IS NULL %1$s
                            UNION
                            SELECT c.id FROM benchmark_result_history c WHERE true %1$s)) v
       WHERE v.superseded_at IS NULL OR v.superseded_at >= ?::date + 1
       ORDER BY v.id, v.superseded_at NULLS LAST)
      """;

  /**
   * The rows boards read, aliased r: benchmark_result, or under {@code as_of} the versions current
   * then; {@code params} receives the source's own bind parameters, which come first.
   */
  static String boardSource(BoardFilter f, List<Object> params) {
    if (f.asOf() == null) {
      return "benchmark_result r";
    }
    java.sql.Date asOf = java.sql.Date.valueOf(f.asOf());
    if (f.dataset() == null) {
      params.add(asOf);
      return VERSIONS_AS_OF + " r";
    }
    // Conditions on an alias %1$s, which the two index definitions serve.
    StringBuilder candidates =
        new StringBuilder(" AND %1$s.dataset_id = (SELECT id FROM dataset WHERE slug = ?)");
    List<Object> candidateParams = new ArrayList<>(List.of(f.dataset()));
    if (f.target() != null) {
      candidates.append(" AND %1$s.target = ?");
      candidateParams.add(f.target());
    }
    if (f.metric() != null) {
      candidates.append(" AND lower(%1$s.metric) = lower(?)");
      candidateParams.add(f.metric());
    }
    for (int i = 0; i < 4; i++) {
      params.addAll(candidateParams);
    }
    params.add(asOf);
    String conditions = candidates.toString();
    return VERSIONS_AS_OF_OF_CANDIDATES.formatted(
            conditions.formatted("c"),
            CURRENT_VERSIONS,
            EARLIER_VERSIONS,
            conditions.formatted("b"))
        + " r";
  }

  /** Every result matching {@code f}, as it stood at the end of {@code f.asOf()} if given. */
  public List<ResultDto> listForBoards(BoardFilter f) throws SQLException {
    SqlQuery q = boardFilters(f);
    List<Object> params = new ArrayList<>();
    String from = boardSource(f, params);
    params.addAll(q.params());
    String sql =
        SELECT.replace("FROM benchmark_result r", "FROM " + from)
            + q.whereClause()
            + " ORDER BY r.id";
    List<ResultDto> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      SqlQuery.bind(c, ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(toDto(rs));
        }
      }
    }
    return out;
  }

  /** The combinations that have results, for the leaderboard index. */
  public List<BoardSummaryRow> listBoards(BoardFilter f) throws SQLException {
    SqlQuery q;
    String sql;
    if (f.asOf() == null && onlyBoardColumns(f)) {
      q =
          fingerprintFilters(
              new SqlQuery().where("r.n_results > 0").where("d.deleted_at IS NULL"), f);
      sql =
          BOARD_SUMMARIES_PER_BOARD
              + q.whereClause()
              + " ORDER BY d.slug, s.slug NULLS FIRST, r.task, r.target, r.metric";
    } else if (f.asOf() == null) {
      q = fingerprintFilters(new SqlQuery().where("r.n > 0").where("d.deleted_at IS NULL"), f);
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
    List<BoardSummaryRow> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = q.prepare(c, sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String subset = rs.getString("subset_slug");
        out.add(
            new BoardSummaryRow(
                new ResultDto.Ref(rs.getString("dataset_slug"), rs.getString("dataset_name")),
                subset == null ? null : new ResultDto.Ref(subset, rs.getString("subset_name")),
                rs.getString("task"),
                rs.getString("target"),
                rs.getString("metric"),
                rs.getLong("n_results"),
                rs.getLong("n_methods"),
                rs.getLong("n_fingerprints")));
      }
    }
    return out;
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
    List<String> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            q.prepare(
                c,
                "SELECT DISTINCT r.unit FROM benchmark_result r JOIN method m ON m.id = r.method_id"
                    + " JOIN dataset d ON d.id = r.dataset_id"
                    + " LEFT JOIN dataset_subset s ON s.id = r.subset_id"
                    + q.whereClause()
                    + " ORDER BY r.unit");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  public boolean datasetExists(String slug) throws SQLException {
    return exists("SELECT 1 FROM live_dataset WHERE slug = ?", slug);
  }

  public java.util.Optional<ResultDto.Ref> findMethod(String slug) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT slug, name FROM live_method WHERE slug = ?")) {
      ps.setString(1, slug);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? java.util.Optional.of(new ResultDto.Ref(rs.getString(1), rs.getString(2)))
            : java.util.Optional.empty();
      }
    }
  }

  private boolean exists(String sql, String slug) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, slug);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /**
   * Every read starts here: soft-deleted results are invisible. Under {@code as_of} the alias is
   * the version current then, so a result deleted later still shows on a board of an earlier date.
   */
  static SqlQuery live() {
    return new SqlQuery().where("r.deleted_at IS NULL");
  }

  static SqlQuery boardFilters(BoardFilter f) {
    SqlQuery q = fingerprintFilters(live().where("d.deleted_at IS NULL"), f);
    if (f.asOf() != null) {
      // Rows without a publication date count from when they were added here.
      q.where("coalesce(r.reported_on, r.added_at::date) <= ?", java.sql.Date.valueOf(f.asOf()));
    }
    return q;
  }

  /** Conditions on columns that benchmark_result and board_result_count share, both aliased r. */
  static SqlQuery fingerprintFilters(SqlQuery q, BoardFilter f) {
    if (f.dataset() != null) {
      q.where("d.slug = ?", f.dataset());
    }
    if (f.subset() != null) {
      q.where("s.slug = ?", f.subset());
    }
    if (f.task() != null) {
      q.where("r.task = ?", f.task());
    }
    if (f.target() != null) {
      q.where("r.target = ?", f.target());
    }
    if (f.metric() != null) {
      q.where("lower(r.metric) = lower(?)", f.metric());
    }
    if (f.basis() != null) {
      q.where("r.basis = ?", f.basis());
    }
    if (f.split() != null) {
      q.where("r.split = ?", f.split());
    }
    if (f.nTrain() != null) {
      q.where("r.n_train = ?", f.nTrain());
    }
    if (f.levelOfTheory() != null) {
      q.where("r.level_of_theory = ?", f.levelOfTheory());
    }
    if (f.temperatureK() != null) {
      q.where("r.temperature_k = ?", f.temperatureK());
    }
    if (f.status() != null) {
      q.where("r.status = ?", f.status());
    }
    if (f.methods() != null && !f.methods().isEmpty()) {
      q.where("m.slug = ANY (?)", (Object) f.methods().toArray(String[]::new));
    }
    if (f.criteria() != null) {
      methodCriteria(q, f.criteria());
    }
    return q;
  }

  /** The live training datasets of method {@code m}, as an array of slugs (NULL when none). */
  private static final String TRAINING_SLUGS =
      """
      (SELECT array_agg(td.slug) FROM method_training_dataset t
       JOIN live_dataset td ON td.id = t.dataset_id
       WHERE t.method_id = m.id)
      """;

  /** Method {@code ?} and every method derived from it; UNION (not ALL) stops at cycles. */
  private static final String LINEAGE_IDS =
      """
      m.id IN (WITH RECURSIVE descendant(id) AS (
                 SELECT id FROM live_method WHERE slug = ?
                 UNION
                 SELECT l.child_id FROM method_lineage l JOIN descendant d ON l.parent_id = d.id)
               SELECT id FROM descendant)
      """;

  private static void methodCriteria(SqlQuery q, MethodCriteria c) {
    if (!c.trainedOn().isEmpty()) {
      q.where("? <@ " + TRAINING_SLUGS, (Object) c.trainedOn().toArray(String[]::new));
    }
    if (!c.trainedOnlyOn().isEmpty()) {
      // A method without training data (NULL) is not "trained only on" anything.
      q.where(TRAINING_SLUGS + " <@ ?", (Object) c.trainedOnlyOn().toArray(String[]::new));
    }
    if (c.openness() != null) {
      q.where("m.code_url IS NOT NULL");
      switch (c.openness()) {
        case CODE -> {}
        case LICENSED -> q.where("m.licence IS NOT NULL");
        case OSI ->
            q.where(
                "lower(m.licence) = ANY (?)",
                (Object) Openness.OSI_LICENCES.toArray(String[]::new));
      }
    }
    if (c.params() != null && c.params().from() != null) {
      q.where("m.parameter_count >= ?", c.params().from());
    }
    if (c.params() != null && c.params().to() != null) {
      q.where("m.parameter_count <= ?", c.params().to());
    }
    if (c.year().from() != null) {
      q.where("m.year >= ?", c.year().from());
    }
    if (c.year().to() != null) {
      q.where("m.year <= ?", c.year().to());
    }
    if (c.lineage() != null) {
      q.where(LINEAGE_IDS, c.lineage());
    }
  }

  /** The slugs among {@code slugs} that name no live dataset, in the order given. */
  public List<String> unknownDatasets(List<String> slugs) throws SQLException {
    List<String> known = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT slug FROM live_dataset WHERE slug = ANY (?)")) {
      ps.setArray(1, c.createArrayOf("text", slugs.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          known.add(rs.getString(1));
        }
      }
    }
    return slugs.stream().filter(s -> !known.contains(s)).toList();
  }

  /** Parameter counts of the live methods among {@code slugs}; methods without one are left out. */
  public java.util.Map<String, Long> parameterCounts(List<String> slugs) throws SQLException {
    java.util.Map<String, Long> counts = new java.util.HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT slug, parameter_count FROM live_method WHERE slug = ANY (?)"
                    + " AND parameter_count IS NOT NULL")) {
      ps.setArray(1, c.createArrayOf("text", slugs.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          counts.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    return counts;
  }

  private static SqlQuery filters(ResultFilter f) {
    return filters(live(), f);
  }

  /**
   * The conditions of {@code f} on alias r, s (the subset) and the tables r's ids point to. A
   * method or dataset is matched by id (one lookup), so the planner can walk an index on r's
   * method_id or dataset_id in id order instead of sorting every result of a large method.
   */
  private static SqlQuery filters(SqlQuery q, ResultFilter f) {
    if (f.dataset() != null) {
      q.where("r.dataset_id = (SELECT id FROM dataset WHERE slug = ?)", f.dataset());
    }
    if (f.subset() != null) {
      q.where("s.slug = ?", f.subset());
    }
    if (f.method() != null) {
      q.where("r.method_id = (SELECT id FROM method WHERE slug = ?)", f.method());
    }
    if (f.task() != null) {
      q.where("r.task = ?", f.task());
    }
    if (f.target() != null) {
      q.where("r.target = ?", f.target());
    }
    if (f.metric() != null) {
      q.where("lower(r.metric) = lower(?)", f.metric());
    }
    if (f.paperId() != null) {
      q.where("r.paper_id = ?", f.paperId());
    }
    if (f.status() != null) {
      q.where("r.status = ?", f.status());
    }
    return q;
  }

  private static List<ResultDto> read(Connection c, String sql, SqlQuery q, Object... extra)
      throws SQLException {
    List<ResultDto> out = new ArrayList<>();
    try (PreparedStatement ps = q.prepare(c, sql, extra);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(toDto(rs));
      }
    }
    return out;
  }

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
