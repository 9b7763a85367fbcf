package org.mlmdkb.search;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.statement.Query;
import org.mlmdkb.common.db.Sql;

/**
 * The SQL the index is built from: live rows in the shape of index documents, the ids of every
 * indexed row (for a rebuild), the change sequence, and which documents a change touches. Runs on a
 * connection the caller owns, so a rebuild reads one consistent snapshot.
 */
final class IndexSourceRepository {

  /**
   * A paper as indexed. Tags include their ancestors; links are "slug\u001flabel"; author refs are
   * "id\u001fname" of each author; direct tags are the slugs the paper itself carries.
   */
  record PaperSource(
      long id,
      String title,
      String abstractText,
      String venue,
      Integer year,
      String entryType,
      boolean hasCode,
      long addedAtMicros,
      String sortTitle,
      List<String> authors,
      List<String> authorKeys,
      List<String> tags,
      List<String> methods,
      List<String> datasets,
      String linkedNames,
      List<String> introduces,
      List<String> authorRefs,
      List<String> directTags) {}

  /** A live tag as indexed (for completion). */
  record TagSource(String slug, String label) {}

  /** A method or dataset as indexed. */
  record EntitySource(
      String type, long id, String slug, String name, List<String> aliases, String description) {}

  /** A published article as indexed. */
  record ArticleSource(long id, String slug, String title, String summary, String body) {}

  /** One row of the change sequence. */
  record Change(long seq, long txid, String kind, String key) {}

  /** The rows changed since a watermark and the next watermark, read in one snapshot. */
  record ChangeBatch(long xmin, List<Change> changes) {}

  private static final String PAPERS =
      """
      WITH RECURSIVE ids AS (SELECT unnest(:ids::bigint[]) AS id),
      up(paper_id, slug, label, parent, direct) AS (
          SELECT pt.paper_id, t.slug, t.label, t.parent_slug, true
          FROM paper_tag pt JOIN ids ON ids.id = pt.paper_id
          JOIN live_tag t ON t.slug = pt.tag_slug
          UNION
          SELECT up.paper_id, t.slug, t.label, t.parent_slug, false
          FROM up JOIN live_tag t ON t.slug = up.parent),
      linked AS (
          SELECT pm.paper_id, 'method' AS kind, m.slug, m.name, m.aliases, false AS introduces
          FROM paper_method pm JOIN ids ON ids.id = pm.paper_id
          JOIN live_method m ON m.id = pm.method_id
          UNION ALL
          SELECT pd.paper_id, 'dataset', d.slug, d.name, d.aliases, false
          FROM paper_dataset pd JOIN ids ON ids.id = pd.paper_id
          JOIN live_dataset d ON d.id = pd.dataset_id
          UNION ALL
          SELECT m.paper_id, 'method', m.slug, m.name, m.aliases, true
          FROM live_method m JOIN ids ON ids.id = m.paper_id
          UNION ALL
          SELECT d.paper_id, 'dataset', d.slug, d.name, d.aliases, true
          FROM live_dataset d JOIN ids ON ids.id = d.paper_id),
      tags AS (
          SELECT paper_id, array_agg(DISTINCT slug || chr(31) || label) AS slugs,
                 array_agg(DISTINCT slug) FILTER (WHERE direct) AS direct
          FROM up GROUP BY paper_id),
      links AS (
          SELECT paper_id,
                 array_agg(DISTINCT slug || chr(31) || name)
                     FILTER (WHERE kind = 'method' AND NOT introduces) AS methods,
                 array_agg(DISTINCT slug || chr(31) || name)
                     FILTER (WHERE kind = 'dataset' AND NOT introduces) AS datasets,
                 string_agg(DISTINCT name || ' ; ' || array_to_string(aliases, ' ; '), ' ; ')
                     AS names,
                 array_agg(DISTINCT kind || ':' || slug) FILTER (WHERE introduces) AS introduces
          FROM linked GROUP BY paper_id),
      authors AS (
          SELECT pa.paper_id, array_agg(pa.name_as_written ORDER BY pa.position) AS names,
                 array_agg(a.normalized_name ORDER BY pa.position) AS keys,
                 array_agg(a.id || chr(31) || a.name ORDER BY pa.position) AS refs
          FROM paper_author pa JOIN ids ON ids.id = pa.paper_id
          JOIN author a ON a.id = pa.author_id
          GROUP BY pa.paper_id)
      SELECT p.id, p.title, p.abstract, p.venue, p.year, p.entry_type, p.code_url IS NOT NULL,
             (extract(epoch FROM p.added_at) * 1000000)::bigint, lower(p.title),
             coalesce(au.names, '{}'), coalesce(au.keys, '{}'),
             coalesce(t.slugs, '{}'), coalesce(l.methods, '{}'), coalesce(l.datasets, '{}'),
             l.names, coalesce(l.introduces, '{}'), coalesce(au.refs, '{}'),
             coalesce(t.direct, '{}')
      FROM live_paper p JOIN ids ON ids.id = p.id
      LEFT JOIN authors au ON au.paper_id = p.id
      LEFT JOIN tags t ON t.paper_id = p.id
      LEFT JOIN links l ON l.paper_id = p.id
      """;

  private static final String ENTITIES =
      """
      SELECT 'method', id, slug, name, aliases, description FROM live_method
      WHERE id = ANY(:method_ids)
      UNION ALL
      SELECT 'dataset', id, slug, name, aliases, description FROM live_dataset
      WHERE id = ANY(:dataset_ids)
      """;

  private static final String ARTICLES =
      """
      SELECT id, slug, title, summary, body_markdown FROM live_article
      WHERE id = ANY(:ids) AND status = 'published'
      """;

  private static final String TAGS = "SELECT slug, label FROM live_tag WHERE slug = ANY(:slugs)";

  private static final String ALL_TAGS = "SELECT slug, label FROM live_tag";

  private static final String LIVE_PAPER_IDS =
      "SELECT id FROM live_paper WHERE id > :after ORDER BY id LIMIT :limit";

  private static final String ALL_IDS =
      """
      SELECT 'method', id FROM live_method
      UNION ALL SELECT 'dataset', id FROM live_dataset
      UNION ALL SELECT 'article', id FROM live_article WHERE status = 'published'
      """;

  // One statement, so the watermark and the rows come from the same snapshot: every row this
  // snapshot cannot see belongs to a transaction whose id is at least that snapshot's xmin.
  private static final String CHANGES =
      """
      WITH s AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin)
      SELECT s.xmin::text, c.seq, c.txid::text, c.kind, c.key
      FROM s LEFT JOIN search_change c ON c.txid >= :xmin::text::xid8 AND c.seq > :after_seq
      ORDER BY c.seq
      LIMIT :limit
      """;

  private static final String SNAPSHOT_XMIN =
      "SELECT pg_snapshot_xmin(pg_current_snapshot())::text";

  private static final String SOURCE_ID = "SELECT id::text FROM search_source";

  private static final String PAPERS_OF_METHODS =
      """
      SELECT paper_id FROM paper_method WHERE method_id = ANY(:ids)
      UNION SELECT paper_id FROM method WHERE id = ANY(:ids) AND paper_id IS NOT NULL
      """;

  private static final String PAPERS_OF_DATASETS =
      """
      SELECT paper_id FROM paper_dataset WHERE dataset_id = ANY(:ids)
      UNION SELECT paper_id FROM dataset WHERE id = ANY(:ids) AND paper_id IS NOT NULL
      """;

  /** A tag's papers include those of its descendants, which carry it as an ancestor. */
  private static final String PAPERS_OF_TAGS =
      """
      WITH RECURSIVE sub(slug) AS (
          SELECT unnest(:ids::text[])
          UNION SELECT t.slug FROM tag t JOIN sub ON t.parent_slug = sub.slug)
      SELECT DISTINCT pt.paper_id FROM paper_tag pt JOIN sub ON sub.slug = pt.tag_slug
      """;

  private static final String PAPERS_OF_AUTHORS =
      "SELECT DISTINCT paper_id FROM paper_author WHERE author_id = ANY(:ids)";

  private static final String PRUNE =
      "DELETE FROM search_change WHERE changed_at < now() - make_interval(secs => :seconds)";

  private IndexSourceRepository() {}

  static String sourceId(Connection c) throws SQLException {
    return Sql.query(c, SOURCE_ID, q -> q.mapTo(String.class).findFirst().orElse(""));
  }

  static long snapshotXmin(Connection c) throws SQLException {
    return Sql.with(c, h -> Long.parseLong(h.createQuery(SNAPSHOT_XMIN).mapTo(String.class).one()));
  }

  static ChangeBatch changesSince(Connection c, long xmin, long afterSeq, int limit)
      throws SQLException {
    List<Change> out = new ArrayList<>();
    long next =
        Sql.query(
            c,
            CHANGES,
            q ->
                q.bind("xmin", Long.toString(xmin))
                    .bind("after_seq", afterSeq)
                    .bind("limit", limit)
                    .reduceResultSet(
                        xmin,
                        (watermark, rs, ctx) -> {
                          if (rs.getObject(2) != null) {
                            out.add(
                                new Change(
                                    rs.getLong(2),
                                    Long.parseLong(rs.getString(3)),
                                    rs.getString(4),
                                    rs.getString(5)));
                          }
                          return Long.parseLong(rs.getString(1));
                        }));
    return new ChangeBatch(next, out);
  }

  static int prune(Connection c, long retentionSeconds) throws SQLException {
    return Sql.with(c, h -> h.createUpdate(PRUNE).bind("seconds", retentionSeconds).execute());
  }

  static List<Long> livePaperIds(Connection c, long after, int limit) throws SQLException {
    return Sql.query(
        c,
        LIVE_PAPER_IDS,
        q -> q.bind("after", after).bind("limit", limit).mapTo(Long.class).list());
  }

  /** Ids of every live method, dataset and published article, by type. */
  static List<String[]> otherIds(Connection c) throws SQLException {
    return Sql.query(
        c,
        ALL_IDS,
        q -> q.map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).list());
  }

  static List<PaperSource> papers(Connection c, Collection<Long> ids) throws SQLException {
    return Sql.listByIds(
        c,
        PAPERS,
        ids,
        (rs, ctx) ->
            new PaperSource(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                (Integer) rs.getObject(5),
                rs.getString(6),
                rs.getBoolean(7),
                rs.getLong(8),
                rs.getString(9),
                Sql.texts(rs.getArray(10)),
                Sql.texts(rs.getArray(11)),
                Sql.texts(rs.getArray(12)),
                Sql.texts(rs.getArray(13)),
                Sql.texts(rs.getArray(14)),
                rs.getString(15),
                Sql.texts(rs.getArray(16)),
                Sql.texts(rs.getArray(17)),
                Sql.texts(rs.getArray(18))));
  }

  static List<EntitySource> entities(
      Connection c, Collection<Long> methods, Collection<Long> datasets) throws SQLException {
    if (methods.isEmpty() && datasets.isEmpty()) {
      return new ArrayList<>();
    }
    return Sql.query(
        c,
        ENTITIES,
        q ->
            q.bind("method_ids", methods.toArray(Long[]::new))
                .bind("dataset_ids", datasets.toArray(Long[]::new))
                .map(
                    (rs, ctx) ->
                        new EntitySource(
                            rs.getString(1),
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getString(4),
                            Sql.texts(rs.getArray(5)),
                            rs.getString(6)))
                .list());
  }

  static List<ArticleSource> articles(Connection c, Collection<Long> ids) throws SQLException {
    return Sql.listByIds(
        c,
        ARTICLES,
        ids,
        (rs, ctx) ->
            new ArticleSource(
                rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
  }

  /** The live tags among {@code slugs}; every live tag when {@code slugs} is null. */
  static List<TagSource> tags(Connection c, Collection<String> slugs) throws SQLException {
    if (slugs != null && slugs.isEmpty()) {
      return new ArrayList<>();
    }
    return Sql.with(
        c,
        h -> {
          Query query = h.createQuery(slugs == null ? ALL_TAGS : TAGS);
          if (slugs != null) {
            query.bind("slugs", slugs.toArray(String[]::new));
          }
          return query.map((rs, ctx) -> new TagSource(rs.getString(1), rs.getString(2))).list();
        });
  }

  static Set<Long> papersOfMethods(Connection c, Collection<Long> ids) throws SQLException {
    return ids.isEmpty() ? Set.of() : paperIds(c, PAPERS_OF_METHODS, ids.toArray(Long[]::new));
  }

  static Set<Long> papersOfDatasets(Connection c, Collection<Long> ids) throws SQLException {
    return ids.isEmpty() ? Set.of() : paperIds(c, PAPERS_OF_DATASETS, ids.toArray(Long[]::new));
  }

  static Set<Long> papersOfTags(Connection c, Collection<String> slugs) throws SQLException {
    return slugs.isEmpty() ? Set.of() : paperIds(c, PAPERS_OF_TAGS, slugs.toArray(String[]::new));
  }

  static Set<Long> papersOfAuthors(Connection c, Collection<Long> ids) throws SQLException {
    return ids.isEmpty() ? Set.of() : paperIds(c, PAPERS_OF_AUTHORS, ids.toArray(Long[]::new));
  }

  /** The paper ids {@code sql} finds for the array {@code :ids}, in the order read. */
  private static Set<Long> paperIds(Connection c, String sql, Object[] ids) throws SQLException {
    return Sql.query(
        c,
        sql,
        q ->
            q.bind("ids", ids)
                .mapTo(Long.class)
                .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
  }
}
