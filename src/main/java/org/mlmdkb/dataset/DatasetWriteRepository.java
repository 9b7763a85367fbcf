package org.mlmdkb.dataset;

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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes datasets with their subsets. Callers run inside one transaction, so the connection (and
 * the row lock taken by {@link #lockLive}) is shared by every statement. Subsets keep their ids
 * across updates because benchmark results reference them.
 */
@ApplicationScoped
public class DatasetWriteRepository {

  private static final String DATASET_COLUMNS =
      "slug, name, aliases, description, domain, level_of_theory, n_structures, n_materials,"
          + " size_note, licence, url, paper_id, paper_doi, paper_arxiv_id";

  private static final String SUBSET_COLUMNS =
      "slug, name, description, level_of_theory, temperature_k, n_structures";

  /** Another dataset holding a slug, and whether it is soft-deleted. */
  public record Holder(String name, boolean deleted) {}

  /** A corpus paper's identifiers. */
  public record PaperIds(long id, String doi, String arxivId) {}

  /** What keeps a dataset from being deleted. */
  public record Dependents(long results, long trainedMethods) {
    boolean any() {
      return results > 0 || trainedMethods > 0;
    }
  }

  private final AgroalDataSource dataSource;

  public DatasetWriteRepository(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  public long insert(DatasetInput d) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO dataset ("
                    + DATASET_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
      bindDataset(c, ps, d);
      long id;
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
      writeSubsets(c, id, d.subsets());
      linkIntroducingPaper(c, id, null, paperId(d));
      return id;
    }
  }

  public void update(long id, DatasetInput d) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      Long previousPaper = currentPaperId(c, id);
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE dataset SET ("
                  + DATASET_COLUMNS
                  + ", updated_at) ="
                  + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now()) WHERE id = ?")) {
        bindDataset(c, ps, d);
        ps.setLong(15, id);
        ps.executeUpdate();
      }
      writeSubsets(c, id, d.subsets());
      linkIntroducingPaper(c, id, previousPaper, paperId(d));
    }
  }

  /**
   * Locks a live dataset's row until the transaction ends, so concurrent writers of one dataset run
   * one after the other and the second sees the first's result (and its new ETag).
   */
  /** A row lock only holds inside the caller's transaction; without one it would end at once. */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean lockLive(long id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT 1 FROM live_dataset WHERE id = ? FOR UPDATE")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  public Optional<Long> idBySlug(String slug, boolean includeDeleted) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT id FROM "
                    + (includeDeleted ? "dataset" : "live_dataset")
                    + " WHERE slug = ?")) {
      ps.setString(1, slug);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  public Optional<String> slugOf(long id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT slug FROM dataset WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  public boolean softDelete(long id) throws SQLException {
    return execute(
        "UPDATE live_dataset SET deleted_at = now(), updated_at = now() WHERE id = ?", id);
  }

  public boolean restore(long id) throws SQLException {
    return execute(
        "UPDATE dataset SET deleted_at = NULL, updated_at = now()"
            + " WHERE id = ? AND deleted_at IS NOT NULL",
        id);
  }

  /** Benchmark results on the dataset and methods trained on it. */
  public Dependents dependents(long id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT (SELECT count(*) FROM live_benchmark_result WHERE dataset_id = ?),"
                    + " (SELECT count(*) FROM method_training_dataset t JOIN live_method m"
                    + " ON m.id = t.method_id WHERE t.dataset_id = ?)")) {
      ps.setLong(1, id);
      ps.setLong(2, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new Dependents(rs.getLong(1), rs.getLong(2));
      }
    }
  }

  public Optional<Holder> holderOfSlug(String slug, Long exceptId) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT name, deleted_at IS NOT NULL FROM dataset"
                    + " WHERE slug = ? AND id IS DISTINCT FROM ?")) {
      ps.setString(1, slug);
      if (exceptId == null) {
        ps.setNull(2, Types.BIGINT);
      } else {
        ps.setLong(2, exceptId);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new Holder(rs.getString(1), rs.getBoolean(2)))
            : Optional.empty();
      }
    }
  }

  public Optional<PaperIds> livePaper(long paperId) throws SQLException {
    return paper("id = ?", paperId);
  }

  public Optional<PaperIds> livePaperByDoi(String doi) throws SQLException {
    return paper("doi = ?", doi);
  }

  public Optional<PaperIds> livePaperByArxivId(String arxivId) throws SQLException {
    return paper("arxiv_id = ?", arxivId);
  }

  public Optional<Long> currentPaperId(long datasetId) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return Optional.ofNullable(currentPaperId(c, datasetId));
    }
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
    try (Connection c = dataSource.getConnection()) {
      Array wanted = c.createArrayOf("text", slugs.toArray());
      try (PreparedStatement lock =
          c.prepareStatement(
              "SELECT id FROM dataset_subset WHERE dataset_id = ? AND slug = ANY(?) FOR UPDATE")) {
        lock.setLong(1, datasetId);
        lock.setArray(2, wanted);
        lock.executeQuery().close();
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT s.slug, count(*) FROM dataset_subset s"
                  + " JOIN benchmark_result r ON r.subset_id = s.id"
                  + " WHERE s.dataset_id = ? AND s.slug = ANY(?) GROUP BY s.slug ORDER BY s.slug")) {
        ps.setLong(1, datasetId);
        ps.setArray(2, wanted);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.put(rs.getString(1), rs.getLong(2));
          }
        }
      }
    }
    return out;
  }

  /** The editable state of a dataset, deleted or not; empty when no such row exists. */
  public Optional<DatasetInput> editableState(long id) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      List<DatasetSubsetInput> subsets = subsets(c, id);
      try (PreparedStatement ps =
          c.prepareStatement("SELECT " + DATASET_COLUMNS + " FROM dataset WHERE id = ?")) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          Array aliases = rs.getArray("aliases");
          Long paperId = (Long) rs.getObject("paper_id");
          String doi = rs.getString("paper_doi");
          String arxiv = rs.getString("paper_arxiv_id");
          return Optional.of(
              new DatasetInput(
                  rs.getString("slug"),
                  rs.getString("name"),
                  aliases == null ? List.of() : Arrays.asList((String[]) aliases.getArray()),
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
                  subsets));
        }
      }
    }
  }

  private static List<DatasetSubsetInput> subsets(Connection c, long datasetId)
      throws SQLException {
    List<DatasetSubsetInput> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + SUBSET_COLUMNS
                + " FROM dataset_subset WHERE dataset_id = ?"
                + " ORDER BY temperature_k NULLS LAST, slug COLLATE \"C\"")) {
      ps.setLong(1, datasetId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new DatasetSubsetInput(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  DatasetRules.plain(rs.getBigDecimal(5)),
                  (Long) rs.getObject(6)));
        }
      }
    }
    return out;
  }

  /**
   * Updates subsets in place by slug, adds new ones and removes the rest; the collection has
   * already refused removing any that results use.
   */
  private static void writeSubsets(Connection c, long datasetId, List<DatasetSubsetInput> subsets)
      throws SQLException {
    Set<String> kept = subsets.stream().map(DatasetSubsetInput::slug).collect(Collectors.toSet());
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM dataset_subset WHERE dataset_id = ? AND NOT (slug = ANY(?))")) {
      ps.setLong(1, datasetId);
      ps.setArray(2, c.createArrayOf("text", kept.toArray()));
      ps.executeUpdate();
    }
    if (subsets.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO dataset_subset (dataset_id, "
                + SUBSET_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dataset_id, slug) DO UPDATE SET"
                + " (name, description, level_of_theory, temperature_k, n_structures) ="
                + " (excluded.name, excluded.description, excluded.level_of_theory,"
                + " excluded.temperature_k, excluded.n_structures)")) {
      for (DatasetSubsetInput s : subsets) {
        ps.setLong(1, datasetId);
        ps.setString(2, s.slug());
        ps.setString(3, s.name());
        ps.setString(4, s.description());
        ps.setString(5, s.levelOfTheory());
        ps.setBigDecimal(6, s.temperatureK());
        setLong(ps, 7, s.nStructures());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /**
   * The introducing paper is also listed among the dataset's papers as "introduces", as the seed
   * loader does; a replaced introducing paper loses that link.
   */
  private static void linkIntroducingPaper(
      Connection c, long datasetId, Long previousPaper, Long paper) throws SQLException {
    if (Objects.equals(previousPaper, paper)) {
      return;
    }
    if (previousPaper != null) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "DELETE FROM paper_dataset WHERE paper_id = ? AND dataset_id = ?"
                  + " AND relation = 'introduces'")) {
        ps.setLong(1, previousPaper);
        ps.setLong(2, datasetId);
        ps.executeUpdate();
      }
    }
    if (paper != null) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO paper_dataset (paper_id, dataset_id, relation)"
                  + " VALUES (?, ?, 'introduces')"
                  + " ON CONFLICT (paper_id, dataset_id) DO UPDATE SET relation = 'introduces'")) {
        ps.setLong(1, paper);
        ps.setLong(2, datasetId);
        ps.executeUpdate();
      }
    }
  }

  private static Long currentPaperId(Connection c, long datasetId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT paper_id FROM dataset WHERE id = ?")) {
      ps.setLong(1, datasetId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? (Long) rs.getObject(1) : null;
      }
    }
  }

  private static Long paperId(DatasetInput d) {
    return d.paper() == null ? null : d.paper().id();
  }

  private Optional<PaperIds> paper(String condition, Object value) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT id, doi, arxiv_id FROM live_paper WHERE " + condition)) {
      ps.setObject(1, value);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new PaperIds(rs.getLong(1), rs.getString(2), rs.getString(3)))
            : Optional.empty();
      }
    }
  }

  private static void bindDataset(Connection c, PreparedStatement ps, DatasetInput d)
      throws SQLException {
    ps.setString(1, d.slug());
    ps.setString(2, d.name());
    ps.setArray(3, c.createArrayOf("text", d.aliases().toArray()));
    ps.setString(4, d.description());
    ps.setString(5, d.domain());
    ps.setString(6, d.levelOfTheory());
    setLong(ps, 7, d.nStructures());
    setLong(ps, 8, d.nMaterials());
    ps.setString(9, d.sizeNote());
    ps.setString(10, d.licence());
    ps.setString(11, d.url());
    DatasetPaperInput paper = d.paper();
    setLong(ps, 12, paper == null ? null : paper.id());
    ps.setString(13, paper == null ? null : paper.doi());
    ps.setString(14, paper == null ? null : paper.arxivId());
  }

  private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, value);
    }
  }

  private boolean execute(String sql, long id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, id);
      return ps.executeUpdate() == 1;
    }
  }
}
