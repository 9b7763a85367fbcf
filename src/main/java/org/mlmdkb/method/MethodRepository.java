package org.mlmdkb.method;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.mlmdkb.common.db.ItemLinks;
import org.mlmdkb.common.db.Sql;
import org.mlmdkb.common.db.SqlQuery;
import org.mlmdkb.common.db.replica.ReadDataSource;
import org.mlmdkb.common.db.replica.ReplicaFallback;
import org.mlmdkb.method.MethodDtos.IntroducingPaper;
import org.mlmdkb.method.MethodDtos.LineageEdge;
import org.mlmdkb.method.MethodDtos.LineageNode;
import org.mlmdkb.method.MethodDtos.MethodSummary;
import org.mlmdkb.method.MethodDtos.PaperLink;
import org.mlmdkb.method.MethodDtos.Relative;
import org.mlmdkb.method.MethodDtos.ResultGroup;

/** Method queries: the list, one method, its genealogy, papers and result overview. */
@ReplicaFallback
@ApplicationScoped
public class MethodRepository {

  // n > 0 adds nothing to the sum but lets the read use the index of the rows that count (V183);
  // zero rows exist only inside the transaction that empties them (V184).
  private static final String SUMMARY_COLUMNS =
      """
      SELECT m.id, m.slug, m.name, m.aliases, m.family, m.year, m.description, m.code_url,
             m.licence, m.parameter_count, m.paper_id, m.paper_doi, m.paper_arxiv_id,
             m.paper_url,
             (SELECT coalesce(sum(c.n), 0) FROM board_result_count c
              WHERE c.method_id = m.id AND c.n > 0) AS result_count
      """;

  private static final String SUMMARY = SUMMARY_COLUMNS + " FROM live_method m";

  /**
   * One method's row with what its page prints beside it (paper count, training datasets, sources):
   * one statement where it took four.
   */
  private static final String DETAIL =
      SUMMARY_COLUMNS
          + ", "
          + ItemLinks.METHOD.paperCountAndSourcesColumns("m.id")
          + """
          , ARRAY(SELECT d.slug FROM method_training_dataset t JOIN live_dataset d
                  ON d.id = t.dataset_id WHERE t.method_id = m.id ORDER BY d.slug)
              AS training_datasets
          FROM live_method m WHERE m.slug = :slug
          """;

  /**
   * Walks the lineage graph from one method through live methods only, toward its parents (up) and
   * toward its children (down) in one statement; UNION stops at cycles, depth is the shortest. Only
   * the first step carries its link's relation, so a relative has one exactly when it is a direct
   * parent or child (a pair has one link).
   */
  private static final String RELATIVES =
      """
      WITH RECURSIVE live AS (
          SELECT l.child_id, l.parent_id, l.relation FROM method_lineage l
          JOIN live_method p ON p.id = l.parent_id
          JOIN live_method c ON c.id = l.child_id),
      up(id, depth, relation) AS (
          SELECT parent_id, 1, relation FROM live WHERE child_id = :method_id
          UNION
          SELECT l.parent_id, u.depth + 1, NULL::text FROM live l JOIN up u ON l.child_id = u.id
          WHERE u.depth < 20),
      down(id, depth, relation) AS (
          SELECT child_id, 1, relation FROM live WHERE parent_id = :method_id
          UNION
          SELECT l.child_id, d.depth + 1, NULL::text FROM live l JOIN down d ON l.parent_id = d.id
          WHERE d.depth < 20),
      relative(ancestor, id, depth, relation) AS (
          SELECT true, id, depth, relation FROM up
          UNION ALL SELECT false, id, depth, relation FROM down)
      SELECT r.ancestor, m.slug, m.name, m.family, min(r.depth) AS depth,
             max(r.relation) AS relation
      FROM relative r JOIN method m ON m.id = r.id
      GROUP BY r.ancestor, m.slug, m.name, m.family
      ORDER BY r.ancestor DESC, depth, m.slug
      """;

  /**
   * A method with its live ancestors (negative generations) and descendants (positive) within a
   * number of generations, each at its nearest generation; links to or from a deleted method are
   * never walked.
   */
  private static final String LINEAGE_MEMBERS =
      """
      WITH RECURSIVE live AS (
          SELECT l.child_id, l.parent_id FROM method_lineage l
          JOIN live_method p ON p.id = l.parent_id
          JOIN live_method c ON c.id = l.child_id),
      up(id, depth) AS (
          SELECT parent_id, 1 FROM live WHERE child_id = :method_id
          UNION
          SELECT l.parent_id, u.depth + 1 FROM live l JOIN up u ON l.child_id = u.id
          WHERE u.depth < :depth),
      down(id, depth) AS (
          SELECT child_id, 1 FROM live WHERE parent_id = :method_id
          UNION
          SELECT l.child_id, d.depth + 1 FROM live l JOIN down d ON l.parent_id = d.id
          WHERE d.depth < :depth),
      member(id, generation) AS (
          SELECT :method_id::bigint, 0
          UNION ALL SELECT id, -depth FROM up
          UNION ALL SELECT id, depth FROM down),
      nearest AS (
          SELECT DISTINCT ON (id) id, generation FROM member
          ORDER BY id, abs(generation), generation)
      SELECT m.slug, m.name, m.family, m.year, n.generation
      FROM nearest n JOIN method m ON m.id = n.id
      ORDER BY n.generation, m.slug
      LIMIT :limit
      """;

  /** The links among a set of live methods, parent → child. */
  private static final String LINEAGE_EDGES =
      """
      SELECT p.slug, c.slug, l.relation
      FROM method_lineage l
      JOIN live_method p ON p.id = l.parent_id
      JOIN live_method c ON c.id = l.child_id
      WHERE p.slug = ANY (:slugs) AND c.slug = ANY (:slugs)
      ORDER BY p.slug, c.slug
      """;

  private static final String RESULT_SUMMARY =
      """
      SELECT d.slug, s.slug, r.task, r.target, r.metric, sum(r.n)
      FROM board_result_count r
      JOIN dataset d ON d.id = r.dataset_id
      LEFT JOIN dataset_subset s ON s.id = r.subset_id
      WHERE r.method_id = :method_id AND r.n > 0
      GROUP BY d.slug, s.slug, r.task, r.target, r.metric
      ORDER BY d.slug, s.slug NULLS FIRST, r.task, r.target, r.metric
      """;

  private static final RowMapper<Row> ROW = (rs, ctx) -> row(rs);

  private final ReadDataSource dataSource;

  public MethodRepository(ReadDataSource dataSource) {
    this.dataSource = dataSource;
  }

  public record Row(long id, MethodSummary summary, IntroducingPaper paper) {}

  public List<Row> list(String family, String q, String dataset, String afterSlug, int limit)
      throws SQLException {
    SqlQuery query = filters(family, q, dataset);
    String sql = SUMMARY + query.slugPage("m", afterSlug, limit);
    return Sql.with(dataSource, h -> query.query(h, sql).map(ROW).list());
  }

  public long count(String family, String q, String dataset) throws SQLException {
    return filters(family, q, dataset).count(dataSource, "live_method m");
  }

  /** Conditions on alias {@code m}, a row of live_method. */
  private static SqlQuery filters(String family, String q, String dataset) {
    SqlQuery query = new SqlQuery();
    if (family != null) {
      query.where("m.family = :family", "family", family);
    }
    if (q != null) {
      query.whereNameContains("m", q);
    }
    if (dataset != null) {
      query.where(
          "EXISTS (SELECT 1 FROM method_training_dataset t JOIN live_dataset d"
              + " ON d.id = t.dataset_id WHERE t.method_id = m.id AND d.slug = :dataset)",
          "dataset",
          dataset);
    }
    return query;
  }

  public Optional<Row> findBySlug(String slug) throws SQLException {
    return Sql.query(
        dataSource,
        SUMMARY + " WHERE m.slug = :slug",
        q -> q.bind("slug", slug).map(ROW).findOne());
  }

  /** A method's ancestors (toward parents) and descendants (toward children), nearest first. */
  public record Relatives(List<Relative> ancestors, List<Relative> descendants) {}

  public Relatives relatives(long methodId) throws SQLException {
    List<Relative> ancestors = new ArrayList<>();
    List<Relative> descendants = new ArrayList<>();
    Sql.use(
        dataSource,
        h ->
            h.createQuery(RELATIVES)
                .bind("method_id", methodId)
                .reduceResultSet(
                    (Void) null,
                    (none, rs, ctx) -> {
                      (rs.getBoolean(1) ? ancestors : descendants)
                          .add(
                              new Relative(
                                  rs.getString(2),
                                  rs.getString(3),
                                  rs.getString(4),
                                  rs.getInt(5),
                                  rs.getString(6)));
                      return none;
                    }));
    return new Relatives(ancestors, descendants);
  }

  /** What a method's page shows of the method itself, beside its lineage, papers and results. */
  public record Detail(
      Row row, long paperCount, List<String> trainingDatasets, List<String> sources) {}

  private static final RowMapper<Detail> DETAIL_ROW =
      (rs, ctx) ->
          new Detail(
              row(rs),
              rs.getLong("paper_count"),
              Sql.texts(rs.getArray("training_datasets")),
              Sql.texts(rs.getArray("sources")));

  public Optional<Detail> findDetail(String slug) throws SQLException {
    return Sql.query(dataSource, DETAIL, q -> q.bind("slug", slug).map(DETAIL_ROW).findOne());
  }

  private static final RowMapper<LineageNode> LINEAGE_NODE =
      (rs, ctx) ->
          new LineageNode(
              rs.getString(1),
              rs.getString(2),
              rs.getString(3),
              (Integer) rs.getObject(4),
              rs.getInt(5));

  /**
   * The method and its relatives within {@code depth} generations either way, nearest generation
   * first, at most {@code limit} of them.
   */
  public List<LineageNode> lineageMembers(long methodId, int depth, int limit) throws SQLException {
    return Sql.query(
        dataSource,
        LINEAGE_MEMBERS,
        q ->
            q.bind("method_id", methodId)
                .bind("depth", depth)
                .bind("limit", limit)
                .map(LINEAGE_NODE)
                .list());
  }

  /** Every lineage link whose two ends are among {@code slugs}. */
  public List<LineageEdge> lineageEdges(List<String> slugs) throws SQLException {
    String[] members = slugs.toArray(String[]::new);
    return Sql.query(
        dataSource,
        LINEAGE_EDGES,
        q ->
            q.bind("slugs", members)
                .map(
                    (rs, ctx) -> new LineageEdge(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list());
  }

  public List<PaperLink> papers(long methodId, int limit) throws SQLException {
    return ItemLinks.METHOD.papers(dataSource, methodId, limit, PaperLink::new);
  }

  /**
   * One row per board (dataset, subset, task, target, metric) with the method's live results on it,
   * summed from board_result_count (V130, kept exact by triggers): a few hundred count rows for the
   * largest method instead of every one of its results.
   */
  public List<ResultGroup> resultSummary(long methodId) throws SQLException {
    return Sql.query(
        dataSource,
        RESULT_SUMMARY,
        q ->
            q.bind("method_id", methodId)
                .map(
                    (rs, ctx) ->
                        new ResultGroup(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getLong(6)))
                .list());
  }

  private static Row row(ResultSet rs) throws SQLException {
    long count = rs.getLong("parameter_count");
    Long parameterCount = rs.wasNull() ? null : count;
    return new Row(
        rs.getLong("id"),
        new MethodSummary(
            rs.getString("slug"),
            rs.getString("name"),
            Sql.texts(rs.getArray("aliases")),
            rs.getString("family"),
            (Integer) rs.getObject("year"),
            rs.getString("description"),
            rs.getString("code_url"),
            rs.getString("licence"),
            parameterCount,
            rs.getLong("result_count")),
        new IntroducingPaper(
            (Long) rs.getObject("paper_id"),
            rs.getString("paper_doi"),
            rs.getString("paper_arxiv_id"),
            rs.getString("paper_url")));
  }
}
