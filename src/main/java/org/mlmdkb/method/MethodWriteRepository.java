package org.mlmdkb.method;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mlmdkb.common.db.Rows;
import org.mlmdkb.common.db.SqlQuery;

/**
 * Writes methods with their lineage, training datasets and introducing-paper link. Callers run
 * inside one transaction, so the connection (and the row lock taken by {@link #lockLive}) is shared
 * by every statement.
 */
@ApplicationScoped
public class MethodWriteRepository {

  private static final String METHOD_COLUMNS =
      "slug, name, aliases, family, description, year, paper_id, paper_doi, paper_arxiv_id,"
          + " paper_url, code_url, licence, parameter_count";

  /** Any number of lineage changes may run at once; this key makes them take turns. */
  private static final long LINEAGE_LOCK = 0x6d6c6d646b624c4cL;

  /** A method's id and whether it is soft-deleted. */
  public record Ref(long id, String slug, boolean deleted) {}

  /** A corpus paper's identifiers, and whether it is soft-deleted. */
  public record PaperFacts(long id, String doi, String arxivId, boolean deleted) {}

  /** What still points at a method: benchmark results and live methods derived from it. */
  public record Dependants(long results, List<String> liveChildren) {}

  private final AgroalDataSource dataSource;

  public MethodWriteRepository(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  public long insert(MethodInput m) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO method ("
                    + METHOD_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
      bindMethod(c, ps, m);
      long id;
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
      replaceLinks(c, id, m);
      linkIntroducingPaper(c, id, null, paperId(m));
      return id;
    }
  }

  public void update(long id, MethodInput m) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      Long oldPaperId = storedPaperId(c, id);
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE method SET ("
                  + METHOD_COLUMNS
                  + ", updated_at) = (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now()) WHERE id = ?")) {
        bindMethod(c, ps, m);
        ps.setLong(14, id);
        ps.executeUpdate();
      }
      replaceLinks(c, id, m);
      linkIntroducingPaper(c, id, oldPaperId, paperId(m));
    }
  }

  /**
   * Locks a live method's row until the transaction ends, so concurrent writers of one method run
   * one after the other and the second sees the first's result (and its new ETag).
   */
  /** A row lock only holds inside the caller's transaction; without one it would end at once. */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean lockLive(long id) throws SQLException {
    return !Rows.list(dataSource, "SELECT 1 FROM live_method WHERE id = ? FOR UPDATE", rs -> 1, id)
        .isEmpty();
  }

  /** Serialises lineage changes, so two concurrent edits cannot close a cycle between them. */
  public void lockLineage() throws SQLException {
    Rows.list(dataSource, "SELECT pg_advisory_xact_lock(?)", rs -> 1, LINEAGE_LOCK);
  }

  public Optional<Ref> findBySlug(String slug) throws SQLException {
    return Rows.list(
            dataSource,
            "SELECT id, slug, deleted_at IS NOT NULL FROM method WHERE slug = ?",
            MethodWriteRepository::ref,
            slug)
        .stream()
        .findFirst();
  }

  public Optional<Ref> findById(long id) throws SQLException {
    return Rows.list(
            dataSource,
            "SELECT id, slug, deleted_at IS NOT NULL FROM method WHERE id = ?",
            MethodWriteRepository::ref,
            id)
        .stream()
        .findFirst();
  }

  /** The methods among {@code slugs} that exist (deleted or not), by slug. */
  public Map<String, Ref> findBySlugs(List<String> slugs) throws SQLException {
    Map<String, Ref> out = new LinkedHashMap<>();
    for (Ref r :
        Rows.list(
            dataSource,
            "SELECT id, slug, deleted_at IS NOT NULL FROM method WHERE slug = ANY (?)",
            MethodWriteRepository::ref,
            (Object) slugs.toArray(String[]::new))) {
      out.put(r.slug(), r);
    }
    return out;
  }

  public List<String> unknownDatasets(List<String> slugs) throws SQLException {
    return Rows.list(
        dataSource,
        "SELECT s FROM unnest(?::text[]) WITH ORDINALITY AS u(s, n)"
            + " WHERE NOT EXISTS (SELECT 1 FROM live_dataset WHERE slug = u.s)"
            + " ORDER BY n",
        rs -> rs.getString(1),
        (Object) slugs.toArray(String[]::new));
  }

  public Optional<PaperFacts> paper(long paperId) throws SQLException {
    return Rows.list(
            dataSource,
            "SELECT id, doi, arxiv_id, deleted_at IS NOT NULL FROM paper WHERE id = ?",
            rs -> new PaperFacts(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)),
            paperId)
        .stream()
        .findFirst();
  }

  /**
   * Whether {@code methodId} is among the ancestors of {@code parentIds} (or is one of them): then
   * making them its parents would close a cycle. UNION stops the walk at cycles already stored.
   */
  public boolean wouldCloseCycle(long methodId, List<Long> parentIds) throws SQLException {
    if (parentIds.isEmpty()) {
      return false;
    }
    return !Rows.list(
            dataSource,
            """
            WITH RECURSIVE up(id) AS (
                SELECT unnest(?::bigint[])
                UNION
                SELECT l.parent_id FROM method_lineage l JOIN up ON l.child_id = up.id)
            SELECT 1 FROM up WHERE id = ? LIMIT 1
            """,
            rs -> 1,
            parentIds.toArray(Long[]::new),
            methodId)
        .isEmpty();
  }

  public Dependants dependants(long id) throws SQLException {
    long results =
        Rows.list(
                dataSource,
                "SELECT count(*) FROM live_benchmark_result WHERE method_id = ?",
                rs -> rs.getLong(1),
                id)
            .get(0);
    List<String> children =
        Rows.list(
            dataSource,
            "SELECT m.slug FROM method_lineage l JOIN live_method m ON m.id = l.child_id"
                + " WHERE l.parent_id = ? ORDER BY m.slug",
            rs -> rs.getString(1),
            id);
    return new Dependants(results, children);
  }

  /** Parents of a method that are soft-deleted (a restore would point at them). */
  public List<String> deletedParents(long id) throws SQLException {
    return Rows.list(
        dataSource,
        "SELECT m.slug FROM method_lineage l JOIN method m ON m.id = l.parent_id"
            + " WHERE l.child_id = ? AND m.deleted_at IS NOT NULL ORDER BY m.slug",
        rs -> rs.getString(1),
        id);
  }

  public boolean softDelete(long id) throws SQLException {
    return execute(
        "UPDATE live_method SET deleted_at = now(), updated_at = now() WHERE id = ?", id);
  }

  public boolean restore(long id) throws SQLException {
    return execute(
        "UPDATE method SET deleted_at = NULL, updated_at = now()"
            + " WHERE id = ? AND deleted_at IS NOT NULL",
        id);
  }

  /** The editable state of a method, deleted or not; empty when no such row exists. */
  public Optional<MethodInput> editableState(long id) throws SQLException {
    List<MethodInput> found =
        Rows.list(
            dataSource,
            "SELECT " + METHOD_COLUMNS + " FROM method WHERE id = ?",
            MethodWriteRepository::base,
            id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    MethodInput m = found.get(0);
    List<String> parents = linked(id, LineageRelation.DERIVES_FROM);
    List<String> supersedes = linked(id, LineageRelation.SUPERSEDES);
    List<String> datasets =
        Rows.list(
            dataSource,
            "SELECT d.slug FROM method_training_dataset t JOIN dataset d ON d.id = t.dataset_id"
                + " WHERE t.method_id = ? ORDER BY d.slug",
            rs -> rs.getString(1),
            id);
    return Optional.of(
        new MethodInput(
            m.slug(),
            m.name(),
            m.aliases(),
            m.family(),
            m.description(),
            m.year(),
            m.paper(),
            m.codeUrl(),
            m.licence(),
            m.parameterCount(),
            parents,
            supersedes,
            datasets));
  }

  /** The slugs a method links to as its parents by one relation, deleted ones included. */
  private List<String> linked(long id, String relation) throws SQLException {
    return Rows.list(
        dataSource,
        "SELECT m.slug FROM method_lineage l JOIN method m ON m.id = l.parent_id"
            + " WHERE l.child_id = ? AND l.relation = ? ORDER BY m.slug",
        rs -> rs.getString(1),
        id,
        relation);
  }

  public Optional<Long> storedPaperId(long id) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return Optional.ofNullable(storedPaperId(c, id));
    }
  }

  private static Long storedPaperId(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT paper_id FROM method WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? (Long) rs.getObject(1) : null;
      }
    }
  }

  private static void replaceLinks(Connection c, long id, MethodInput m) throws SQLException {
    update(c, "DELETE FROM method_lineage WHERE child_id = ?", id);
    update(
        c,
        "INSERT INTO method_lineage (child_id, parent_id, relation)"
            + " SELECT ?, id, ? FROM method WHERE slug = ANY (?)",
        id,
        LineageRelation.DERIVES_FROM,
        m.parents());
    update(
        c,
        "INSERT INTO method_lineage (child_id, parent_id, relation)"
            + " SELECT ?, id, ? FROM method WHERE slug = ANY (?)",
        id,
        LineageRelation.SUPERSEDES,
        m.supersedes());
    update(c, "DELETE FROM method_training_dataset WHERE method_id = ?", id);
    update(
        c,
        "INSERT INTO method_training_dataset (method_id, dataset_id)"
            + " SELECT ?, id FROM dataset WHERE slug = ANY (?)",
        id,
        m.trainingDatasets());
  }

  /**
   * paper_method's "introduces" rows mirror method.paper_id (the seed writes them together), so a
   * new introducing paper moves that row; a "uses" link to the new paper becomes "introduces".
   */
  private static void linkIntroducingPaper(Connection c, long id, Long oldPaperId, Long newPaperId)
      throws SQLException {
    if (oldPaperId != null && !oldPaperId.equals(newPaperId)) {
      update(
          c,
          "DELETE FROM paper_method WHERE paper_id = ? AND method_id = ? AND relation = 'introduces'",
          oldPaperId,
          id);
    }
    if (newPaperId != null) {
      update(
          c,
          "INSERT INTO paper_method (paper_id, method_id, relation) VALUES (?, ?, 'introduces')"
              + " ON CONFLICT (paper_id, method_id) DO UPDATE SET relation = 'introduces'",
          newPaperId,
          id);
    }
  }

  private static Long paperId(MethodInput m) {
    return m.paper() == null ? null : m.paper().id();
  }

  private static void bindMethod(Connection c, PreparedStatement ps, MethodInput m)
      throws SQLException {
    MethodInput.Paper p = m.paper();
    ps.setString(1, m.slug());
    ps.setString(2, m.name());
    ps.setArray(3, c.createArrayOf("text", m.aliases().toArray()));
    ps.setString(4, m.family());
    ps.setString(5, m.description());
    setNullable(ps, 6, m.year(), Types.INTEGER);
    setNullable(ps, 7, p == null ? null : p.id(), Types.BIGINT);
    ps.setString(8, p == null ? null : p.doi());
    ps.setString(9, p == null ? null : p.arxivId());
    ps.setString(10, p == null ? null : p.url());
    ps.setString(11, m.codeUrl());
    ps.setString(12, m.licence());
    setNullable(ps, 13, m.parameterCount(), Types.BIGINT);
  }

  private static void setNullable(PreparedStatement ps, int index, Object value, int type)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, type);
    } else {
      ps.setObject(index, value);
    }
  }

  private static MethodInput base(ResultSet rs) throws SQLException {
    Array aliases = rs.getArray("aliases");
    Long paperId = (Long) rs.getObject("paper_id");
    String doi = rs.getString("paper_doi");
    String arxiv = rs.getString("paper_arxiv_id");
    String url = rs.getString("paper_url");
    MethodInput.Paper paper =
        paperId == null && doi == null && arxiv == null && url == null
            ? null
            : new MethodInput.Paper(paperId, doi, arxiv, url);
    return new MethodInput(
        rs.getString("slug"),
        rs.getString("name"),
        aliases == null ? List.of() : Arrays.asList((String[]) aliases.getArray()),
        rs.getString("family"),
        rs.getString("description"),
        (Integer) rs.getObject("year"),
        paper,
        rs.getString("code_url"),
        rs.getString("licence"),
        (Long) rs.getObject("parameter_count"),
        List.of(),
        List.of(),
        List.of());
  }

  private static Ref ref(ResultSet rs) throws SQLException {
    return new Ref(rs.getLong(1), rs.getString(2), rs.getBoolean(3));
  }

  private static void update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      List<Object> values = new ArrayList<>();
      for (Object p : params) {
        values.add(p instanceof List<?> list ? list.toArray(String[]::new) : p);
      }
      SqlQuery.bind(c, ps, values);
      ps.executeUpdate();
    }
  }

  private boolean execute(String sql, long id) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setLong(1, id);
        return ps.executeUpdate() == 1;
      }
    }
  }
}
