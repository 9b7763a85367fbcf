package org.mlmdkb.common.db;

import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * The papers and sources linked to a dataset or a method, which both keep them in tables of the
 * same shape ({@code paper_<kind>}, {@code <kind>_source}). Table names are these constants, never
 * request text.
 */
public enum ItemLinks {
  DATASET("dataset"),
  METHOD("method");

  /** Builds a caller's paper link; each feature keeps its own record on the wire. */
  @FunctionalInterface
  public interface PaperLinkFactory<T> {
    T link(long id, String title, Integer year, String doi, String relation);
  }

  private final String kind;
  private final String papers;

  ItemLinks(String kind) {
    this.kind = kind;
    String item = kind + "_id";
    // paper_<kind>_page_idx walks exactly these links in this order.
    this.papers =
        "SELECT p.id, p.title, p.year, p.doi, l.relation FROM paper_"
            + kind
            + " l JOIN live_paper p ON p.id = l.paper_id WHERE l."
            + item
            + " = :item_id ORDER BY l.relation, l.paper_id LIMIT :limit";
  }

  /** Live papers linked to the item, kept exact by triggers (V167). */
  private String countPapersOf(String itemId) {
    return "SELECT coalesce(sum(n), 0) FROM linked_live_paper_count WHERE kind = '"
        + kind
        + "' AND item_id = "
        + itemId;
  }

  private String sourcesOf(String itemId) {
    return "SELECT source_id FROM "
        + kind
        + "_source WHERE "
        + kind
        + "_id = "
        + itemId
        + " ORDER BY source_id";
  }

  /**
   * Select-list columns {@code paper_count} and {@code sources} (an array) of the item whose id is
   * {@code itemId} (a column of the outer query), so a detail page reads them with its item's row
   * instead of in two more statements.
   */
  public String paperCountAndSourcesColumns(String itemId) {
    return "("
        + countPapersOf(itemId)
        + ") AS paper_count, ARRAY("
        + sourcesOf(itemId)
        + ") AS sources";
  }

  /**
   * The first {@code limit} papers of the item: those introducing it first, then in the order they
   * were added.
   */
  public <T> List<T> papers(DataSource dataSource, long id, int limit, PaperLinkFactory<T> link)
      throws SQLException {
    return Sql.with(
        dataSource,
        h ->
            h.createQuery(papers)
                .bind("item_id", id)
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        link.link(
                            rs.getLong(1),
                            rs.getString(2),
                            (Integer) rs.getObject(3),
                            rs.getString(4),
                            rs.getString(5)))
                .list());
  }
}
