package org.mlmdkb.paper.bibtex;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import org.mlmdkb.common.db.Sql;

/** What de-duplication needs to know about every paper in the corpus, deleted ones included. */
@ApplicationScoped
public class ImportRepository {

  public record Known(
      long id, String doi, String arxivId, String title, Integer year, boolean deleted) {}

  private final AgroalDataSource dataSource;

  public ImportRepository(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * One pass over the corpus (a few thousand short rows) instead of three look-ups per entry;
   * normalised-title matching cannot use an index anyway.
   */
  public List<Known> all() throws SQLException {
    return Sql.with(
        dataSource,
        h ->
            h.createQuery(
                    "SELECT id, doi, arxiv_id, title, year, deleted_at IS NOT NULL FROM paper")
                .map(
                    (rs, ctx) ->
                        new Known(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            (Integer) rs.getObject(5),
                            rs.getBoolean(6)))
                .list());
  }
}
