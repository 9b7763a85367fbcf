package org.mlmdkb.dataset;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;
import org.mlmdkb.common.db.ColumnStatements;
import org.mlmdkb.common.db.IntroducingPapers;
import org.mlmdkb.common.db.SoftDeletable;
import org.mlmdkb.common.db.Sql;
import org.mlmdkb.curation.CuratedTable;

/**
 * Writes datasets with their subsets. Callers run inside one transaction, so the connection (and
 * the row lock taken by {@link #lockLive}) is shared by every statement. Subsets keep their ids
 * across updates because benchmark results reference them.
 */
@Singleton
public class DatasetWriteRepository extends CuratedTable<DatasetInput> {

  private static final String DATASET_COLUMNS =
      "slug, name, aliases, description, domain, level_of_theory, n_structures, n_materials,"
          + " size_note, licence, url, paper_id, paper_doi, paper_arxiv_id";

  private static final String SUBSET_COLUMNS =
      "slug, name, description, level_of_theory, temperature_k, n_structures";

  /** A corpus paper's identifiers. */
  public record PaperIds(long id, String doi, String arxivId) {}

  /** What keeps a dataset from being deleted. */
  public record Dependents(long results, long trainedMethods) {
    boolean any() {
      return results > 0 || trainedMethods > 0;
    }
  }

  /**
   * The introducing paper is also listed among the dataset's papers as "introduces", as the seed
   * loader does; a replaced introducing paper loses that link.
   */
  private static final IntroducingPapers INTRODUCING = IntroducingPapers.DATASET;

  private static final String INSERT =
      ColumnStatements.insertReturningId("dataset", DATASET_COLUMNS);

  private static final String UPDATE =
      ColumnStatements.updateTouchingUpdatedAt("dataset", DATASET_COLUMNS);

  private static final RowMapper<PaperIds> PAPER_IDS =
      (rs, ctx) -> new PaperIds(rs.getLong(1), rs.getString(2), rs.getString(3));

  public DatasetWriteRepository(AgroalDataSource dataSource) {
    super(dataSource, SoftDeletable.DATASET);
  }

  @Override
  public long insert(DatasetInput d) throws SQLException {
    return insertRow(h -> bindDataset(h.createQuery(INSERT), d), links(d, null, true));
  }

  @Override
  public void update(long id, DatasetInput d) throws SQLException {
    // Read before the update overwrites paper_id; the caller's transaction shares the connection.
    Long previousPaper = currentPaperId(id).orElse(null);
    // Unchanged: the link is left as it is.
    boolean relink = !Objects.equals(previousPaper, paperId(d));
    updateRow(id, h -> bindDataset(h.createUpdate(UPDATE), d), links(d, previousPaper, relink));
  }

  /** The subsets and (when {@code relink}) the "introduces" row of {@code d}, after its own row. */
  private static Links links(DatasetInput d, Long previousPaper, boolean relink) {
    return (h, id) -> {
      writeSubsets(h, id, d.subsets());
      if (relink) {
        INTRODUCING.relink(h, id, previousPaper, paperId(d));
      }
    };
  }

  public Optional<Long> idOf(String slug, boolean includeDeleted) throws SQLException {
    return idOf("slug", slug, includeDeleted);
  }

  public Optional<String> slugOf(long id) throws SQLException {
    return column("slug", id);
  }

  /** The name of dataset {@code id}, deleted or not: how a 409 names the holder of a slug. */
  public Optional<String> nameOf(long id) throws SQLException {
    return column("name", id);
  }

  /** A text {@code column} (a constant here, never request text) of dataset {@code id}. */
  private Optional<String> column(String column, long id) throws SQLException {
    return Sql.query(
        dataSource,
        "SELECT " + column + " FROM dataset WHERE id = :id",
        q -> q.bind("id", id).mapTo(String.class).findFirst());
  }

  /** Benchmark results on the dataset and methods trained on it. */
  public Dependents dependents(long id) throws SQLException {
    return Sql.query(
        dataSource,
        "SELECT (SELECT count(*) FROM live_benchmark_result WHERE dataset_id = :id),"
            + " (SELECT count(*) FROM method_training_dataset t JOIN live_method m"
            + " ON m.id = t.method_id WHERE t.dataset_id = :id)",
        q -> q.bind("id", id).map((rs, ctx) -> new Dependents(rs.getLong(1), rs.getLong(2))).one());
  }

  public Optional<SoftDeletable.Holder> holderOfSlug(String slug, Long exceptId)
      throws SQLException {
    return holderOf("slug", slug, exceptId);
  }

  public Optional<PaperIds> livePaper(long paperId) throws SQLException {
    return paper("id = :value", paperId);
  }

  public Optional<PaperIds> livePaperByDoi(String doi) throws SQLException {
    return paper("doi = :value", doi);
  }

  public Optional<PaperIds> livePaperByArxivId(String arxivId) throws SQLException {
    return paper("arxiv_id = :value", arxivId);
  }

  public Optional<Long> currentPaperId(long datasetId) throws SQLException {
    return Sql.with(dataSource, h -> INTRODUCING.storedPaperId(h, datasetId));
  }

  /**
   * Of the dataset's subsets with the given slugs, those benchmark results use, with how many use
   * each. The subset rows stay locked until the transaction ends, so no result can start using one
   * between this check and its removal, which is why a transaction is required.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Map<String, Long> subsetsInUse(long datasetId, Set<String> slugs) throws SQLException {
    Map<String, Long> out = new LinkedHashMap<>();
    if (slugs.isEmpty()) {
      return out;
    }
    String[] wanted = slugs.toArray(String[]::new);
    Sql.use(
        dataSource,
        h -> {
          h.createQuery(
                  "SELECT id FROM dataset_subset WHERE dataset_id = :dataset_id"
                      + " AND slug = ANY(:slugs) FOR UPDATE")
              .bind("dataset_id", datasetId)
              .bind("slugs", wanted)
              .mapTo(Long.class)
              .list();
          h.createQuery(
                  "SELECT s.slug, count(*) FROM dataset_subset s"
                      + " JOIN benchmark_result r ON r.subset_id = s.id"
                      + " WHERE s.dataset_id = :dataset_id AND s.slug = ANY(:slugs)"
                      + " GROUP BY s.slug ORDER BY s.slug")
              .bind("dataset_id", datasetId)
              .bind("slugs", wanted)
              .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
              .forEach(e -> out.put(e.getKey(), e.getValue()));
        });
    return out;
  }

  /** The editable state of a dataset, deleted or not; empty when no such row exists. */
  @Override
  public Optional<DatasetInput> editableState(long id) throws SQLException {
    return Sql.with(
        dataSource,
        h -> {
          List<DatasetSubsetInput> subsets = subsets(h, id);
          return h.createQuery("SELECT " + DATASET_COLUMNS + " FROM dataset WHERE id = :id")
              .bind("id", id)
              .map(
                  (rs, ctx) -> {
                    Array aliases = rs.getArray("aliases");
                    Long paperId = (Long) rs.getObject("paper_id");
                    String doi = rs.getString("paper_doi");
                    String arxiv = rs.getString("paper_arxiv_id");
                    return new DatasetInput(
                        rs.getString("slug"),
                        rs.getString("name"),
                        Sql.texts(aliases),
                        rs.getString("description"),
                        rs.getString("domain"),
                        rs.getString("level_of_theory"),
                        (Long) rs.getObject("n_structures"),
                        (Long) rs.getObject("n_materials"),
                        rs.getString("size_note"),
                        rs.getString("licence"),
                        rs.getString("url"),
                        paperId == null && doi == null && arxiv == null
                            ? null
                            : new DatasetPaperInput(paperId, doi, arxiv),
                        subsets);
                  })
              .findFirst();
        });
  }

  private static List<DatasetSubsetInput> subsets(Handle h, long datasetId) {
    return h.createQuery(
            "SELECT "
                + SUBSET_COLUMNS
                + " FROM dataset_subset WHERE dataset_id = :dataset_id"
                + " ORDER BY temperature_k NULLS LAST, slug COLLATE \"C\"")
        .bind("dataset_id", datasetId)
        .map(
            (rs, ctx) ->
                new DatasetSubsetInput(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    DatasetRules.plain(rs.getBigDecimal(5)),
                    (Long) rs.getObject(6)))
        .list();
  }

  /**
   * Updates subsets in place by slug, adds new ones and removes the rest; the collection has
   * already refused removing any that results use.
   */
  private static void writeSubsets(Handle h, long datasetId, List<DatasetSubsetInput> subsets) {
    Set<String> kept = subsets.stream().map(DatasetSubsetInput::slug).collect(Collectors.toSet());
    h.createUpdate(
            "DELETE FROM dataset_subset WHERE dataset_id = :dataset_id"
                + " AND NOT (slug = ANY(:kept))")
        .bind("dataset_id", datasetId)
        .bind("kept", kept.toArray(String[]::new))
        .execute();
    if (subsets.isEmpty()) {
      return;
    }
    PreparedBatch batch =
        h.prepareBatch(
            "INSERT INTO dataset_subset (dataset_id, "
                + SUBSET_COLUMNS
                + ") VALUES (:dataset_id, :slug, :name, :description, :level_of_theory,"
                + " :temperature_k, :n_structures) ON CONFLICT (dataset_id, slug) DO UPDATE SET"
                + " (name, description, level_of_theory, temperature_k, n_structures) ="
                + " (excluded.name, excluded.description, excluded.level_of_theory,"
                + " excluded.temperature_k, excluded.n_structures)");
    for (DatasetSubsetInput s : subsets) {
      batch
          .bind("dataset_id", datasetId)
          .bind("slug", s.slug())
          .bind("name", s.name())
          .bind("description", s.description())
          .bind("level_of_theory", s.levelOfTheory())
          .bind("temperature_k", s.temperatureK())
          .bind("n_structures", s.nStructures())
          .add();
    }
    batch.execute();
  }

  private static Long paperId(DatasetInput d) {
    return d.paper() == null ? null : d.paper().id();
  }

  /** The live paper whose {@code condition} on {@code :value} holds. */
  private Optional<PaperIds> paper(String condition, Object value) throws SQLException {
    String sql = "SELECT id, doi, arxiv_id FROM live_paper WHERE " + condition;
    return Sql.query(dataSource, sql, q -> q.bind("value", value).map(PAPER_IDS).findFirst());
  }

  /** Binds the dataset's own columns ({@link #DATASET_COLUMNS}, each by its name). */
  private static <S extends SqlStatement<S>> S bindDataset(S statement, DatasetInput d) {
    DatasetPaperInput paper = d.paper();
    return statement
        .bind("slug", d.slug())
        .bind("name", d.name())
        .bind("aliases", d.aliases().toArray(String[]::new))
        .bind("description", d.description())
        .bind("domain", d.domain())
        .bind("level_of_theory", d.levelOfTheory())
        .bind("n_structures", d.nStructures())
        .bind("n_materials", d.nMaterials())
        .bind("size_note", d.sizeNote())
        .bind("licence", d.licence())
        .bind("url", d.url())
        .bind("paper_id", paper == null ? null : paper.id())
        .bind("paper_doi", paper == null ? null : paper.doi())
        .bind("paper_arxiv_id", paper == null ? null : paper.arxivId());
  }
}
