package org.mlmdkb.paper.bibtex;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import org.mlmdkb.common.db.Sql;

/** What de-duplication needs to know about the papers an import's entries may match. */
@ApplicationScoped
public class ImportRepository {

  public record Known(
      long id, String doi, String arxivId, String title, Integer year, boolean deleted) {}

  // One statement for all entries, one branch per index (the unique DOI and arXiv indexes, V181's
  // title match key). Written as one OR, the planner chose a scan of every paper for the arrays of
  // a real file, computing each title's key (it inlines kb_title_match_key, so it cannot see what
  // that costs): babel.bib's 2,174 entries against 101,960 papers took 760-960 ms until the
  // connection's generic plan took over after ten imports, and 12 ms so. Deleted papers are
  // included: their identifiers stay taken. In id order, so the first of several papers of one
  // title is the same paper on every run.
  private static final String MATCHING =
      """
      SELECT id, doi, arxiv_id, title, year, deleted_at IS NOT NULL FROM paper
      WHERE doi = ANY(:dois::text[])
      UNION
      SELECT id, doi, arxiv_id, title, year, deleted_at IS NOT NULL FROM paper
      WHERE arxiv_id = ANY(:arxiv_ids::text[])
      UNION
      SELECT id, doi, arxiv_id, title, year, deleted_at IS NOT NULL FROM paper
      WHERE kb_title_match_key(title) = ANY(:title_match_keys::text[])
      ORDER BY id
      """;

  private final AgroalDataSource dataSource;

  public ImportRepository(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Every paper, deleted ones included, holding one of {@code dois} or {@code arxivIds} or whose
   * {@link #titleMatchKey} is one of {@code titleMatchKeys}: a superset of the papers with one of
   * those normalised titles, which the caller narrows down.
   */
  public List<Known> matching(
      Collection<String> dois, Collection<String> arxivIds, Collection<String> titleMatchKeys)
      throws SQLException {
    return Sql.query(
        dataSource,
        MATCHING,
        q ->
            q.bind("dois", dois.toArray(String[]::new))
                .bind("arxiv_ids", arxivIds.toArray(String[]::new))
                .bind("title_match_keys", titleMatchKeys.toArray(String[]::new))
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

  /**
   * V181's kb_title_match_key of every title whose {@code Identifiers.titleKey} is {@code
   * titleKey}: that key's ASCII letters and digits (it is lower-case already).
   */
  static String titleMatchKey(String titleKey) {
    return titleKey.replaceAll("[^a-z0-9]+", "");
  }
}
