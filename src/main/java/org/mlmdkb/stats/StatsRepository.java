package org.mlmdkb.stats;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.StatementContext;
import org.mlmdkb.common.db.Sql;
import org.mlmdkb.common.db.replica.ReadDataSource;
import org.mlmdkb.common.db.replica.ReplicaFallback;

/** Exact collection sizes in one round trip, read from precomputed counts where large. */
@ReplicaFallback
@ApplicationScoped
public class StatsRepository {

  /**
   * Papers, authors and results are the large collections: their counts come from the tables that
   * triggers keep exact in every writing transaction (V130, V131, V165) instead of a scan per
   * request. The other collections hold hundreds of rows and are counted directly.
   */
  private static final String COUNTS =
      """
      SELECT (SELECT coalesce(sum(n), 0) FROM live_count WHERE name = 'papers'),
             (SELECT coalesce(sum(n), 0) FROM live_count WHERE name = 'authors'),
             (SELECT count(*) FROM live_method),
             (SELECT count(*) FROM method_lineage l JOIN live_method c ON c.id = l.child_id
              JOIN live_method p ON p.id = l.parent_id),
             (SELECT count(*) FROM live_dataset),
             (SELECT count(*) FROM dataset_subset s JOIN live_dataset d ON d.id = s.dataset_id),
             (SELECT coalesce(sum(n_results), 0) FROM board_summary),
             (SELECT count(*) FROM live_article WHERE status = 'published'),
             (SELECT count(*) FROM live_tag), (SELECT count(*) FROM source)
      """;

  private final ReadDataSource dataSource;

  public StatsRepository(ReadDataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Stats counts() throws SQLException {
    return Sql.with(dataSource, h -> h.createQuery(COUNTS).map(StatsRepository::stats).one());
  }

  private static Stats stats(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Stats(
        rs.getLong(1),
        rs.getLong(2),
        rs.getLong(3),
        rs.getLong(4),
        rs.getLong(5),
        rs.getLong(6),
        rs.getLong(7),
        rs.getLong(8),
        rs.getLong(9),
        rs.getLong(10));
  }

  /**
   * Exact counts of each collection; drafts are not counted as articles, nor authors without a live
   * paper.
   */
  public record Stats(
      long papers,
      long authors,
      long methods,
      long lineageEdges,
      long datasets,
      long subsets,
      long results,
      long articles,
      long tags,
      long sources) {}
}
