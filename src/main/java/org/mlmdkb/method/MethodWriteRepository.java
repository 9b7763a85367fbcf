package org.mlmdkb.method;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;
import org.mlmdkb.common.db.ColumnStatements;
import org.mlmdkb.common.db.IntroducingPapers;
import org.mlmdkb.common.db.SoftDeletable;
import org.mlmdkb.common.db.Sql;
import org.mlmdkb.curation.CuratedTable;

/**
 * Writes methods with their lineage, training datasets and introducing-paper link. Callers run
 * inside one transaction, so the connection (and the row lock taken by {@link #lockLive}) is shared
 * by every statement.
 */
@Singleton
public class MethodWriteRepository extends CuratedTable<MethodInput> {

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

  /**
   * paper_method's "introduces" rows mirror method.paper_id (the seed writes them together), so a
   * new introducing paper moves that row; a "uses" link to the new paper becomes "introduces".
   */
  private static final IntroducingPapers INTRODUCING = IntroducingPapers.METHOD;

  private static final String INSERT = ColumnStatements.insertReturningId("method", METHOD_COLUMNS);

  private static final String UPDATE =
      ColumnStatements.updateTouchingUpdatedAt("method", METHOD_COLUMNS);

  /** The slugs among {@code :slugs} that name no live dataset, in the order given. */
  private static final String UNKNOWN_DATASETS =
      """
      SELECT s FROM unnest(:slugs::text[]) WITH ORDINALITY AS u(s, n)
      WHERE NOT EXISTS (SELECT 1 FROM live_dataset WHERE slug = u.s)
      ORDER BY n
      """;

  private static final String PAPER =
      "SELECT id, doi, arxiv_id, deleted_at IS NOT NULL FROM paper WHERE id = :id";

  private static final RowMapper<PaperFacts> PAPER_FACTS =
      (rs, ctx) ->
          new PaperFacts(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4));

  public MethodWriteRepository(AgroalDataSource dataSource) {
    super(dataSource, SoftDeletable.METHOD);
  }

  @Override
  public long insert(MethodInput m) throws SQLException {
    return insertRow(h -> bindMethod(h.createQuery(INSERT), m), links(m, null));
  }

  @Override
  public void update(long id, MethodInput m) throws SQLException {
    // Read before the update overwrites paper_id; the caller's transaction shares the connection.
    Long oldPaperId = storedPaperId(id).orElse(null);
    updateRow(id, h -> bindMethod(h.createUpdate(UPDATE), m), links(m, oldPaperId));
  }

  /** The lineage, training datasets and "introduces" row of {@code m}, after its own row. */
  private static Links links(MethodInput m, Long oldPaperId) {
    return (h, id) -> {
      replaceLinks(h, id, m);
      INTRODUCING.relink(h, id, oldPaperId, paperId(m));
    };
  }

  /**
   * Serialises lineage changes, so two concurrent edits cannot close a cycle between them; the
   * advisory lock ends with the caller's transaction, which must therefore exist.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void lockLineage() throws SQLException {
    Sql.use(
        dataSource,
        h ->
            h.createQuery("SELECT pg_advisory_xact_lock(:key)")
                .bind("key", LINEAGE_LOCK)
                .mapTo(String.class)
                .one());
  }

  public Optional<Long> idOf(String slug, boolean includeDeleted) throws SQLException {
    return idOf("slug", slug, includeDeleted);
  }

  public Optional<SoftDeletable.Holder> holderOfSlug(String slug, Long exceptId)
      throws SQLException {
    return holderOf("slug", slug, exceptId);
  }

  /** The method {@code id}, deleted or not. */
  public Optional<Ref> findById(long id) throws SQLException {
    return Sql.query(
        dataSource,
        "SELECT id, slug, deleted_at IS NOT NULL FROM method WHERE id = :id",
        q -> q.bind("id", id).map(REF).findFirst());
  }

  /** The methods among {@code slugs} that exist (deleted or not), by slug. */
  public Map<String, Ref> findBySlugs(List<String> slugs) throws SQLException {
    List<Ref> found =
        Sql.query(
            dataSource,
            "SELECT id, slug, deleted_at IS NOT NULL FROM method" + " WHERE slug = ANY (:slugs)",
            q -> q.bind("slugs", slugs.toArray(String[]::new)).map(REF).list());
    Map<String, Ref> out = new LinkedHashMap<>();
    for (Ref r : found) {
      out.put(r.slug(), r);
    }
    return out;
  }

  public List<String> unknownDatasets(List<String> slugs) throws SQLException {
    String[] asked = slugs.toArray(String[]::new);
    return Sql.query(
        dataSource, UNKNOWN_DATASETS, q -> q.bind("slugs", asked).mapTo(String.class).list());
  }

  public Optional<PaperFacts> paper(long paperId) throws SQLException {
    return Sql.query(dataSource, PAPER, q -> q.bind("id", paperId).map(PAPER_FACTS).findFirst());
  }

  /**
   * Whether {@code methodId} is among the ancestors of {@code parentIds} (or is one of them): then
   * making them its parents would close a cycle. UNION stops the walk at cycles already stored.
   */
  public boolean wouldCloseCycle(long methodId, List<Long> parentIds) throws SQLException {
    if (parentIds.isEmpty()) {
      return false;
    }
    return Sql.query(
        dataSource,
        """
                    WITH RECURSIVE up(id) AS (
                        SELECT unnest(:parent_ids::bigint[])
                        UNION
                        SELECT l.parent_id FROM method_lineage l JOIN up ON l.child_id = up.id)
                    SELECT 1 FROM up WHERE id = :method_id LIMIT 1
                    """,
        q ->
            q.bind("parent_ids", parentIds.toArray(Long[]::new))
                .bind("method_id", methodId)
                .mapTo(Integer.class)
                .findFirst()
                .isPresent());
  }

  public Dependants dependants(long id) throws SQLException {
    return Sql.with(
        dataSource,
        h -> {
          long results =
              h.createQuery("SELECT count(*) FROM live_benchmark_result WHERE method_id = :id")
                  .bind("id", id)
                  .mapTo(Long.class)
                  .one();
          List<String> children =
              h.createQuery(
                      "SELECT m.slug FROM method_lineage l JOIN live_method m ON m.id = l.child_id"
                          + " WHERE l.parent_id = :id ORDER BY m.slug")
                  .bind("id", id)
                  .mapTo(String.class)
                  .list();
          return new Dependants(results, children);
        });
  }

  /** Parents of a method that are soft-deleted (a restore would point at them). */
  public List<String> deletedParents(long id) throws SQLException {
    return Sql.query(
        dataSource,
        "SELECT m.slug FROM method_lineage l JOIN method m ON m.id = l.parent_id"
            + " WHERE l.child_id = :id AND m.deleted_at IS NOT NULL ORDER BY m.slug",
        q -> q.bind("id", id).mapTo(String.class).list());
  }

  /** The editable state of a method, deleted or not; empty when no such row exists. */
  @Override
  public Optional<MethodInput> editableState(long id) throws SQLException {
    return Sql.with(
        dataSource,
        h -> {
          Optional<MethodInput> found =
              h.createQuery("SELECT " + METHOD_COLUMNS + " FROM method WHERE id = :id")
                  .bind("id", id)
                  .map((rs, ctx) -> base(rs))
                  .findFirst();
          if (found.isEmpty()) {
            return Optional.empty();
          }
          MethodInput m = found.get();
          List<String> parents = linked(h, id, LineageRelation.DERIVES_FROM);
          List<String> supersedes = linked(h, id, LineageRelation.SUPERSEDES);
          List<String> datasets =
              h.createQuery(
                      "SELECT d.slug FROM method_training_dataset t JOIN dataset d"
                          + " ON d.id = t.dataset_id WHERE t.method_id = :id ORDER BY d.slug")
                  .bind("id", id)
                  .mapTo(String.class)
                  .list();
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
        });
  }

  /** The slugs a method links to as its parents by one relation, deleted ones included. */
  private static List<String> linked(Handle h, long id, String relation) {
    return h.createQuery(
            "SELECT m.slug FROM method_lineage l JOIN method m ON m.id = l.parent_id"
                + " WHERE l.child_id = :id AND l.relation = :relation ORDER BY m.slug")
        .bind("id", id)
        .bind("relation", relation)
        .mapTo(String.class)
        .list();
  }

  public Optional<Long> storedPaperId(long id) throws SQLException {
    return Sql.with(dataSource, h -> INTRODUCING.storedPaperId(h, id));
  }

  private static void replaceLinks(Handle h, long id, MethodInput m) {
    h.createUpdate("DELETE FROM method_lineage WHERE child_id = :id").bind("id", id).execute();
    for (var link :
        List.of(
            Map.entry(LineageRelation.DERIVES_FROM, m.parents()),
            Map.entry(LineageRelation.SUPERSEDES, m.supersedes()))) {
      h.createUpdate(
              "INSERT INTO method_lineage (child_id, parent_id, relation)"
                  + " SELECT :id, id, :relation FROM method WHERE slug = ANY (:slugs)")
          .bind("id", id)
          .bind("relation", link.getKey())
          .bind("slugs", link.getValue().toArray(String[]::new))
          .execute();
    }
    h.createUpdate("DELETE FROM method_training_dataset WHERE method_id = :id")
        .bind("id", id)
        .execute();
    h.createUpdate(
            "INSERT INTO method_training_dataset (method_id, dataset_id)"
                + " SELECT :id, id FROM dataset WHERE slug = ANY (:slugs)")
        .bind("id", id)
        .bind("slugs", m.trainingDatasets().toArray(String[]::new))
        .execute();
  }

  private static Long paperId(MethodInput m) {
    return m.paper() == null ? null : m.paper().id();
  }

  /** Binds the method's own columns ({@link #METHOD_COLUMNS}, each by its name). */
  private static <S extends SqlStatement<S>> S bindMethod(S statement, MethodInput m) {
    MethodInput.Paper p = m.paper();
    return statement
        .bind("slug", m.slug())
        .bind("name", m.name())
        .bind("aliases", m.aliases().toArray(String[]::new))
        .bind("family", m.family())
        .bind("description", m.description())
        .bind("year", m.year())
        .bind("paper_id", p == null ? null : p.id())
        .bind("paper_doi", p == null ? null : p.doi())
        .bind("paper_arxiv_id", p == null ? null : p.arxivId())
        .bind("paper_url", p == null ? null : p.url())
        .bind("code_url", m.codeUrl())
        .bind("licence", m.licence())
        .bind("parameter_count", m.parameterCount());
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
        Sql.texts(aliases),
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

  private static final RowMapper<Ref> REF =
      (rs, ctx) -> new Ref(rs.getLong(1), rs.getString(2), rs.getBoolean(3));
}
