package org.mlmdkb.result;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.mlmdkb.common.db.Sql;
import org.mlmdkb.common.db.SqlQuery;
import org.mlmdkb.common.db.replica.ReadDataSource;
import org.mlmdkb.common.db.replica.ReplicaFallback;
import org.mlmdkb.metric.Metric;
import org.mlmdkb.result.BoardDtos.Fingerprint;

/**
 * The two reads of one leaderboard: the fingerprints a filter reaches with their sizes, and the
 * best result per method of the chosen one, selected by the database, so that only a row per method
 * leaves it whatever the number of results on the board.
 */
@ReplicaFallback
@ApplicationScoped
public class BoardRepository {

  /**
   * The fingerprint columns, in the order of {@link #fingerprint(ResultSet)}; the unit is the
   * canonical one, which every result of a fingerprint shares.
   */
  private static final String FINGERPRINT_COLUMNS =
      """
      d.slug AS dataset_slug, d.name AS dataset_name, s.slug AS subset_slug,
      s.name AS subset_name, r.task, r.target, r.metric, r.basis, r.split, r.n_train,
      r.level_of_theory, r.temperature_k, r.canonical_unit
      """;

  private static final String FINGERPRINT_GROUP =
      """
       GROUP BY d.slug, d.name, s.slug, s.name, r.task, r.target, r.metric, r.basis, r.split,
                r.n_train, r.level_of_theory, r.temperature_k, r.canonical_unit
      """;

  /**
   * Fingerprints of the present from board_result_count (V130): the count rows of a board, a few
   * dozen, instead of its results. Takes the WHERE clause as %s.
   */
  private static final String FINGERPRINTS_FROM_COUNTS =
      "SELECT "
          + FINGERPRINT_COLUMNS
          + ", sum(r.n) AS n_results, count(DISTINCT r.method_id) AS n_methods"
          + " FROM board_result_count r JOIN method m ON m.id = r.method_id"
          + " JOIN live_dataset d ON d.id = r.dataset_id"
          + " LEFT JOIN dataset_subset s ON s.id = r.subset_id %s"
          + FINGERPRINT_GROUP;

  /** Fingerprints as of a date, from the versions current then. Takes FROM and WHERE as %s. */
  private static final String FINGERPRINTS_FROM_VERSIONS =
      "SELECT "
          + FINGERPRINT_COLUMNS
          + ", count(*) AS n_results, count(DISTINCT r.method_id) AS n_methods"
          + " FROM %s JOIN method m ON m.id = r.method_id"
          + " JOIN live_dataset d ON d.id = r.dataset_id"
          + " LEFT JOIN dataset_subset s ON s.id = r.subset_id %s"
          + FINGERPRINT_GROUP;

  private final ReadDataSource dataSource;

  public BoardRepository(ReadDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A fingerprint with the number of results and of methods on it. */
  public record FingerprintCount(
      Fingerprint fingerprint, String canonicalUnit, long nResults, long nMethods) {}

  /** The best result of each method (or variant), best first, and the board's majority unit. */
  public record Best(List<ResultDto> rows, String majorityUnit) {}

  /** Every fingerprint {@code f} reaches, in no particular order. */
  public List<FingerprintCount> fingerprints(BoardFilter f) throws SQLException {
    String sql;
    SqlQuery q;
    if (f.asOf() == null) {
      q = ResultRepository.fingerprintFilters(new SqlQuery().where("r.n > 0"), f);
      sql = FINGERPRINTS_FROM_COUNTS.formatted(q.whereClause());
    } else {
      q = ResultRepository.boardFilters(f);
      sql =
          FINGERPRINTS_FROM_VERSIONS.formatted(ResultRepository.boardSource(f, q), q.whereClause());
    }
    SqlQuery query = q;
    return Sql.with(
        dataSource,
        h ->
            query
                .query(h, sql)
                .map(
                    (rs, ctx) ->
                        new FingerprintCount(
                            fingerprint(rs),
                            rs.getString("canonical_unit"),
                            rs.getLong("n_results"),
                            rs.getLong("n_methods")))
                .list());
  }

  /**
   * The best result per method (per method and variant when {@code perVariant}) among those of
   * {@code f} on fingerprint {@code fp}: DISTINCT ON over the board's rows, which the partial board
   * index returns. Ties within a method go to the latest result (highest id), as do unranked
   * metrics, which have no best. The majority unit is counted over all of the rows.
   */
  public Best best(BoardFilter f, FingerprintCount fp, Metric metric, boolean perVariant)
      throws SQLException {
    SqlQuery q = ResultRepository.boardFilters(f);
    String from = ResultRepository.boardSource(f, q);
    Fingerprint key = fp.fingerprint();
    // fp_*: the chosen fingerprint, which the filter's own :task, :metric, ... may only narrow to.
    q.where("r.task = :fp_task", "fp_task", key.task())
        .where("r.target = :fp_target", "fp_target", key.target())
        .where("r.metric = :fp_metric", "fp_metric", key.metric())
        .where("lower(r.metric) = lower(:fp_metric)")
        .where("r.basis = :fp_basis", "fp_basis", key.basis())
        .where("r.canonical_unit = :fp_canonical_unit", "fp_canonical_unit", fp.canonicalUnit());
    nullable(q, "s.slug", "fp_subset", key.subset() == null ? null : key.subset().slug());
    nullable(q, "r.split", "fp_split", key.split());
    nullable(q, "r.n_train", "fp_n_train", key.nTrain());
    nullable(q, "r.level_of_theory", "fp_level_of_theory", key.levelOfTheory());
    nullable(q, "r.temperature_k", "fp_temperature_k", key.temperatureK());
    String value =
        switch (metric.direction()) {
          case LOWER_IS_BETTER -> "canonical_value, ";
          case HIGHER_IS_BETTER -> "canonical_value DESC, ";
          case NONE -> "";
        };
    String per = perVariant ? "board_method_id, coalesce(method_variant, '')" : "board_method_id";
    String sql =
        "WITH board AS ("
            + ResultRepository.select(from, "live_dataset d")
                .replace("SELECT r.id,", "SELECT r.id, r.method_id AS board_method_id,")
            + q.whereClause()
            + "), best AS (SELECT DISTINCT ON ("
            + per
            + ") * FROM board ORDER BY "
            + per
            + ", "
            + value
            + "id DESC)"
            + " SELECT best.*, (SELECT mode() WITHIN GROUP (ORDER BY unit COLLATE \"C\")"
            + " FROM board) AS majority_unit FROM best";
    return Sql.with(
        dataSource,
        h ->
            q.query(h, sql)
                .reduceResultSet(
                    new Best(new ArrayList<>(), null),
                    (best, rs, ctx) -> {
                      best.rows().add(ResultRepository.toDto(rs));
                      return new Best(best.rows(), rs.getString("majority_unit"));
                    }));
  }

  /** {@code column = :name}, or {@code column IS NULL} for no value. */
  private static void nullable(SqlQuery q, String column, String name, Object value) {
    if (value == null) {
      q.where(column + " IS NULL");
    } else {
      q.where(column + " = :" + name, name, value);
    }
  }

  private static Fingerprint fingerprint(ResultSet rs) throws SQLException {
    String subset = rs.getString("subset_slug");
    return new Fingerprint(
        new ResultDto.Ref(rs.getString("dataset_slug"), rs.getString("dataset_name")),
        subset == null ? null : new ResultDto.Ref(subset, rs.getString("subset_name")),
        rs.getString("task"),
        rs.getString("target"),
        rs.getString("metric"),
        rs.getString("basis"),
        rs.getString("split"),
        (Integer) rs.getObject("n_train"),
        rs.getString("level_of_theory"),
        (BigDecimal) rs.getObject("temperature_k"));
  }
}
