package org.mlmdkb.search;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mlmdkb.common.db.SqlQuery;
import org.mlmdkb.common.db.replica.ReadDataSource;
import org.mlmdkb.common.db.replica.ReplicaFallback;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.search.ParsedQuery.Clause;
import org.mlmdkb.search.ParsedQuery.Term;
import org.mlmdkb.search.SearchDtos.FacetValue;

/**
 * All search SQL: query composition, ranked hits across the four collections, facet counts,
 * corrections, suggestions and related papers. Request text only ever reaches PostgreSQL as bind
 * parameters; the SQL shape depends on the number of clauses and the chosen types alone.
 */
@ReplicaFallback
@ApplicationScoped
public class SearchRepository {

  /**
   * ts_rank weights for {D, C, B, A}: a title or name match (A, 1.0) outranks an abstract,
   * description or summary match (B, 0.4), which outranks venue or article body (C, 0.2).
   */
  static final String WEIGHTS = "'{0.05, 0.2, 0.4, 1.0}'";

  /**
   * A method or dataset whose name or alias is the query (or a run of its words) is what the user
   * asked for: +100 puts it above any text match (ts_rank stays below ~1.5).
   */
  static final int EXACT_ENTITY_BOOST = 100;

  /** The paper that introduces such a method or dataset comes next: +10. */
  static final int INTRODUCING_PAPER_BOOST = 10;

  /** Seconds any search statement may run; PostgreSQL cancels it after that. */
  static final int QUERY_TIMEOUT_SECONDS = 3;

  // StartSel/StopSel are control characters that cannot occur in cleaned text; the service
  // HTML-escapes the snippet and only then turns them into <mark> tags.
  static final String HEADLINE_OPTIONS =
      "'StartSel=\u0002, StopSel=\u0003, MaxWords=35, MinWords=15, MaxFragments=2,"
          + " FragmentDelimiter=\" … \"'";

  private static final String TERM = "phraseto_tsquery('english', kb_search_text(?))";

  private static final String CORRECTIONS =
      """
      SELECT r.raw, (SELECT w.word FROM search_word w
                     WHERE w.word % t.word
                     ORDER BY similarity(w.word, t.word) DESC, w.n DESC, w.word LIMIT 1)
      FROM unnest(?::text[]) AS r(raw), LATERAL (SELECT kb_search_text(r.raw) AS word) t
      WHERE NOT EXISTS (SELECT 1 FROM search_word w WHERE w.word = t.word)
      """;

  /** Identifier form in SQL, the twin of {@link ParsedQuery#ident}. */
  private static final String IDENT = "regexp_replace(kb_search_text(%s), '[^a-z0-9]+', '', 'g')";

  private static final String EXACT_ENTITIES =
      """
      SELECT 'method', m.slug, m.paper_id FROM method m
      WHERE m.deleted_at IS NULL
        AND (%1$s = ANY(?) OR EXISTS (SELECT 1 FROM unnest(m.aliases) a WHERE %2$s = ANY(?)))
      UNION ALL
      SELECT 'dataset', d.slug, d.paper_id FROM dataset d
      WHERE (%3$s = ANY(?) OR EXISTS (SELECT 1 FROM unnest(d.aliases) a WHERE %2$s = ANY(?)))
        AND d.deleted_at IS NULL
      """
          .formatted(IDENT.formatted("m.name"), IDENT.formatted("a"), IDENT.formatted("d.name"));

  private static final String RANK = "ts_rank(" + WEIGHTS + ", %s.search_vector, q.q)";

  // The totals per type ride along as window counts, computed over all hits before LIMIT, so
  // the matches are scanned once for both ranking and counting. The ranked rows stay narrow
  // (type, ref, score): title and body are fetched back by key for the page only, because
  // carrying every match's abstract through the window and the sort cost more than the ranking
  // itself (src/bench: 3,564 matches, p50 halved). Headlines are likewise made for the page only.
  // The CASE keeps a slug from ever being cast to bigint, whatever order the planner picks.
  private static final String HITS =
      """
      WITH q AS (SELECT ?::tsquery AS q), hits AS (%s),
      page AS (SELECT *, count(*) FILTER (WHERE type = 'paper') OVER () AS n_paper,
                         count(*) FILTER (WHERE type = 'article') OVER () AS n_article,
                         count(*) FILTER (WHERE type = 'method') OVER () AS n_method,
                         count(*) FILTER (WHERE type = 'dataset') OVER () AS n_dataset
               FROM hits ORDER BY score DESC, type, ref LIMIT ? OFFSET ?)
      SELECT h.type, h.ref, d.title, h.score,
             ts_headline('english', d.body, q.q, %s) AS snippet,
             h.n_paper, h.n_article, h.n_method, h.n_dataset
      FROM page h CROSS JOIN q CROSS JOIN LATERAL (
          SELECT p.title, coalesce(p.abstract, p.title) AS body FROM paper p
          WHERE p.id = CASE WHEN h.type = 'paper' THEN h.ref::bigint END
          UNION ALL SELECT a.title, a.summary || ' ' || a.body_markdown FROM article a
          WHERE h.type = 'article' AND a.slug = h.ref
          UNION ALL SELECT x.name, coalesce(x.description, x.name) FROM method x
          WHERE h.type = 'method' AND x.slug = h.ref
          UNION ALL SELECT x.name, coalesce(x.description, x.name) FROM dataset x
          WHERE h.type = 'dataset' AND x.slug = h.ref) d
      ORDER BY h.score DESC, h.type, h.ref
      """;

  private static final String FORCE_GENERIC_PLAN = "SET LOCAL plan_cache_mode = force_generic_plan";

  private static final String COUNTS =
      "WITH q AS (SELECT ?::tsquery AS q), hits AS (%s) SELECT type, count(*) FROM hits GROUP BY"
          + " type";

  /** Counts per paper attribute; tags count a paper under each ancestor, as the filter does. */
  private static final String PAPER_FACETS =
      """
      WITH RECURSIVE q AS (SELECT ?::tsquery AS q),
      m AS MATERIALIZED (SELECT p.id, p.year, p.venue FROM paper p, q %s),
      closure(ancestor, descendant) AS (
          SELECT slug, slug FROM tag WHERE deleted_at IS NULL
          UNION ALL SELECT t.parent_slug, c.descendant FROM closure c
          JOIN tag t ON t.slug = c.ancestor WHERE t.parent_slug IS NOT NULL)
      (SELECT 'year', year::text, year::text, count(*) FROM m WHERE year IS NOT NULL
       GROUP BY year ORDER BY 4 DESC, 2 DESC LIMIT ?)
      UNION ALL
      (SELECT 'venue', min(venue), min(venue), count(*) FROM m WHERE venue IS NOT NULL
       GROUP BY lower(venue) ORDER BY 4 DESC, 2 LIMIT ?)
      UNION ALL
      (SELECT 'tag', c.ancestor, t.label, count(DISTINCT m.id) FROM m
       JOIN paper_tag pt ON pt.paper_id = m.id JOIN closure c ON c.descendant = pt.tag_slug
       JOIN tag t ON t.slug = c.ancestor GROUP BY c.ancestor, t.label ORDER BY 4 DESC, 2 LIMIT ?)
      UNION ALL
      (SELECT 'method', x.slug, x.name, count(*) FROM m JOIN paper_method pm ON pm.paper_id = m.id
       JOIN method x ON x.id = pm.method_id AND x.deleted_at IS NULL
       GROUP BY x.slug, x.name ORDER BY 4 DESC, 2 LIMIT ?)
      UNION ALL
      (SELECT 'dataset', x.slug, x.name, count(*) FROM m JOIN paper_dataset pd ON pd.paper_id = m.id
       JOIN dataset x ON x.id = pd.dataset_id AND x.deleted_at IS NULL
       GROUP BY x.slug, x.name ORDER BY 4 DESC, 2 LIMIT ?)
      """;

  private final ReadDataSource dataSource;

  public SearchRepository(ReadDataSource dataSource) {
    this.dataSource = dataSource;
  }

  public enum Type {
    PAPER,
    ARTICLE,
    METHOD,
    DATASET;

    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public record Hit(String type, String id, String title, double score, String snippet) {}

  /** A page of hits and the exact number of hits per type (empty when the page is empty). */
  public record HitPage(List<Hit> hits, Map<String, Long> countsByType) {}

  /** What the hits are: the composed tsquery, exact entities, and the papers that apply. */
  public record Matching(
      String tsquery,
      Set<Type> types,
      SqlQuery paperFilters,
      String[] exactMethods,
      String[] exactDatasets,
      Long[] introducingPapers) {}

  public record Entity(String type, String slug, Long paperId) {}

  /** Unknown words (not in the vocabulary) mapped to their closest known word, if any. */
  public Map<String, String> corrections(List<String> words) throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    if (words.isEmpty()) {
      return out;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(CORRECTIONS)) {
      ps.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
      ps.setArray(1, c.createArrayOf("text", words.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (rs.getString(2) != null) {
            out.put(rs.getString(1), rs.getString(2));
          }
        }
      }
    }
    return out;
  }

  /**
   * The tsquery for the clauses, as PostgreSQL's text form (safe to cast back): alternatives joined
   * with ||, clauses with &&, exclusions with !!. Empty when nothing searchable remains.
   */
  public String tsquery(List<Clause> clauses) throws SQLException {
    List<Object> params = new ArrayList<>();
    List<String> parts = new ArrayList<>();
    for (Clause clause : clauses) {
      List<String> alternatives = new ArrayList<>();
      for (Term term : clause.terms()) {
        alternatives.add(TERM);
        params.add(term.text());
      }
      String joined = "(" + String.join(" || ", alternatives) + ")";
      parts.add(clause.negated() ? "(!!" + joined + ")" : joined);
    }
    if (parts.isEmpty()) {
      return "";
    }
    String sql = "SELECT (" + String.join(" && ", parts) + ")::text";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
      SqlQuery.bind(c, ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  /** Methods and datasets whose name or an alias, in identifier form, is one of {@code idents}. */
  public List<Entity> exactEntities(List<String> idents) throws SQLException {
    List<Entity> out = new ArrayList<>();
    if (idents.isEmpty()) {
      return out;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(EXACT_ENTITIES)) {
      ps.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
      String[] values = idents.toArray(String[]::new);
      SqlQuery.bind(c, ps, List.of(values, values, values, values));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Entity(rs.getString(1), rs.getString(2), (Long) rs.getObject(3)));
        }
      }
    }
    return out;
  }

  public HitPage hits(Matching m, int limit, int offset) throws SQLException {
    List<Object> params = new ArrayList<>();
    params.add(m.tsquery());
    String union = union(m, params, true);
    params.add(limit);
    params.add(offset);
    List<Hit> out = new ArrayList<>();
    Map<String, Long> counts = new LinkedHashMap<>();
    queryWithGenericPlan(
        HITS.formatted(union, HEADLINE_OPTIONS),
        params,
        rs -> {
          out.add(
              new Hit(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getDouble(4),
                  rs.getString(5)));
          int column = 6;
          for (Type t : Type.values()) {
            long n = rs.getLong(column++);
            if (n > 0) {
              counts.put(t.wire(), n);
            }
          }
        });
    return new HitPage(out, counts);
  }

  /** Exact number of hits per type. */
  public Map<String, Long> countsByType(Matching m) throws SQLException {
    List<Object> params = new ArrayList<>();
    params.add(m.tsquery());
    String union = union(m, params, false);
    Map<String, Long> out = new LinkedHashMap<>();
    query(COUNTS.formatted(union), params, rs -> out.put(rs.getString(1), rs.getLong(2)));
    return out;
  }

  /** Exact facet counts over the matching papers, at most {@code limit} values per facet. */
  public Map<String, List<FacetValue>> paperFacets(Matching m, int limit) throws SQLException {
    List<Object> params = new ArrayList<>();
    params.add(m.tsquery());
    String where = paperWhere(m, params);
    for (int i = 0; i < 5; i++) {
      params.add(limit);
    }
    Map<String, List<FacetValue>> out = new LinkedHashMap<>();
    query(
        PAPER_FACETS.formatted(where),
        params,
        rs ->
            out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                .add(new FacetValue(rs.getString(2), rs.getString(3), rs.getLong(4))));
    return out;
  }

  private String union(Matching m, List<Object> params, boolean full) {
    List<String> parts = new ArrayList<>();
    for (Type type : EnumSet.copyOf(m.types())) {
      parts.add(
          switch (type) {
            case PAPER -> {
              String select =
                  full
                      ? "SELECT 'paper' AS type, p.id::text AS ref, "
                          + RANK.formatted("p")
                          + " + CASE WHEN p.id = ANY(?) THEN "
                          + INTRODUCING_PAPER_BOOST
                          + " ELSE 0 END AS score"
                      : "SELECT 'paper' AS type";
              if (full) {
                params.add(m.introducingPapers());
              }
              yield select + " FROM paper p, q " + paperWhere(m, params);
            }
            case ARTICLE ->
                (full
                        ? "SELECT 'article' AS type, a.slug AS ref, "
                            + RANK.formatted("a")
                            + " AS score"
                        : "SELECT 'article' AS type")
                    + " FROM article a, q WHERE a.status = 'published' AND a.deleted_at IS NULL"
                    + " AND a.search_vector @@ q.q";
            case METHOD ->
                entityPart("method", "x", m.exactMethods(), params, full)
                    + " AND x.deleted_at IS NULL";
            case DATASET ->
                entityPart("dataset", "x", m.exactDatasets(), params, full)
                    + " AND x.deleted_at IS NULL";
          });
    }
    return String.join("\nUNION ALL\n", parts);
  }

  private static String entityPart(
      String table, String alias, String[] exact, List<Object> params, boolean full) {
    String select =
        full
            ? ("SELECT '%1$s' AS type, %2$s.slug AS ref, %3$s")
                    .formatted(table, alias, RANK.formatted(alias))
                + " + CASE WHEN %s.slug = ANY(?) THEN %d ELSE 0 END AS score"
                    .formatted(alias, EXACT_ENTITY_BOOST)
            : "SELECT '" + table + "' AS type";
    if (full) {
      params.add(exact);
    }
    params.add(exact);
    return select
        + " FROM %1$s %2$s, q WHERE (%2$s.search_vector @@ q.q OR %2$s.slug = ANY(?))"
            .formatted(table, alias);
  }

  /** Papers matching the text (or introducing an entity named in it) and the paper filters. */
  private static String paperWhere(Matching m, List<Object> params) {
    params.add(m.introducingPapers());
    params.addAll(m.paperFilters().params());
    String filters = m.paperFilters().whereClause().replaceFirst("^ WHERE ", " AND ");
    return "WHERE (p.search_vector @@ q.q OR p.id = ANY(?))" + filters;
  }

  interface RowConsumer {
    void accept(ResultSet rs) throws SQLException;
  }

  void query(String sql, List<Object> params, RowConsumer consumer) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      run(c, sql, params, consumer);
    } catch (SQLException e) {
      throw timeoutAsProblem(e);
    }
  }

  /**
   * Like {@link #query}, but with the connection's cached generic plan. For the hits statement the
   * custom plan always looks cheaper than the generic one (which has to guess LIMIT and the
   * tsquery's selectivity), so under the default plan_cache_mode PostgreSQL re-plans it on every
   * execution: 6-9 ms on the loaded bench machine, about as much as executing it. Its plan (GIN
   * bitmap scan, rank, top-N, fetch the page by key) does not depend on the values, so the generic
   * plan is forced, for this statement only: SET LOCAL ends with the transaction.
   */
  void queryWithGenericPlan(String sql, List<Object> params, RowConsumer consumer)
      throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      if (!c.getAutoCommit()) {
        // Inside a caller's transaction: the setting would outlive this statement.
        run(c, sql, params, consumer);
        return;
      }
      c.setAutoCommit(false);
      try {
        try (Statement s = c.createStatement()) {
          s.execute(FORCE_GENERIC_PLAN);
        }
        run(c, sql, params, consumer);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw timeoutAsProblem(e);
    }
  }

  private static void run(Connection c, String sql, List<Object> params, RowConsumer consumer)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
      SqlQuery.bind(c, ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          consumer.accept(rs);
        }
      }
    }
  }

  /** Throws the 503 problem for a cancelled statement; returns any other error to rethrow. */
  private static SQLException timeoutAsProblem(SQLException e) {
    if ("57014".equals(e.getSQLState())) {
      throw new ApiException(
          503,
          "search-timeout",
          "Search took too long",
          "The query was cancelled after "
              + QUERY_TIMEOUT_SECONDS
              + " s; narrow it with more words or filters",
          List.of());
    }
    return e;
  }
}
