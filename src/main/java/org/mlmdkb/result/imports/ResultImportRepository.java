package org.mlmdkb.result.imports;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.mlmdkb.common.db.CsvCopy;
import org.mlmdkb.common.db.LongStatements;
import org.mlmdkb.common.db.Sql;
import org.mlmdkb.metric.MetricRegistry;
import org.mlmdkb.result.ResultInput;
import org.mlmdkb.result.ResultRules;

/**
 * What a result import reads and writes in bulk: the rules' look-ups for all rows at once, the
 * duplicate check and the insert of the new rows, and source details.
 */
@ApplicationScoped
public class ResultImportRepository {

  // Rows of one import that are new to it (the first of each duplicate key), written by COPY; the
  // ids are resolved before, so the planner sees real columns and statistics. Dropped at the end
  // of the import's transaction, also when it is rolled back.
  private static final String CREATE_ROWS =
      """
      CREATE TEMPORARY TABLE result_import_row (
          pos int PRIMARY KEY, method_id bigint NOT NULL, method_variant text,
          dataset_id bigint NOT NULL, subset_id bigint, task text, target text, metric text,
          value numeric, unit text, canonical_value numeric, canonical_unit text, basis text,
          n_train integer, split text, uncertainty numeric, n_runs integer,
          temperature_k numeric, level_of_theory text, status text, reported_on date,
          paper_id bigint, source_id text, source_repository text, source_path text,
          source_commit text, source_location text
      ) ON COMMIT DROP
      """;

  private static final String COPY_ROWS =
      """
      COPY result_import_row (pos, method_id, method_variant, dataset_id, subset_id, task, target,
          metric, value, unit, canonical_value, canonical_unit, basis, n_train, split,
          uncertainty, n_runs, temperature_k, level_of_theory, status, reported_on, paper_id,
          source_id, source_repository, source_path, source_commit, source_location)
      FROM STDIN (FORMAT csv)
      """;

  // The duplicate key: method and variant, the leaderboard fingerprint (dataset, subset, task,
  // target, metric, basis, split, n_train, level of theory, temperature, canonical unit) and the
  // canonical value; a row is a duplicate of the oldest live result with the same key.
  // IS NOT DISTINCT FROM: an absent field equals an absent one; numeric = numeric compares values,
  // not spellings (2.50 = 2.5). The equalities make it one hash join however many rows either
  // side has; the corpus side is read through the live board index for the boards the import
  // touches only (at 1,005,293 results and 100,000 rows: 3.4 s scanning every result, 1.0 s so).
  // The rows without a duplicate get ids in their order and are inserted in the same
  // statement (the insert cannot see its own rows, so the look-up reads the corpus as it was);
  // the answer is, per row, the result it duplicates or the id it was stored under.
  // Each stored row's creation enters the change history in the same statement, in row order, as
  // HistoryRepository.record writes a state: ResultInput's fields in snake_case, nulls included,
  // slugs for ids, and decimals as Jackson's tree writes them (trailing zeros stripped, which
  // trim_scale does; jsonb keeps a numeric's scale, so 1.50 and 1.5 would read back differently).
  // Building the JSON here instead of in Java and COPYing it halves the history's cost; to_jsonb of
  // a row with those column names builds the same object as jsonb_build_object of the same pairs
  // (jsonb orders keys itself) in about 0.6 of its time: 100,000 states 1.75 s -> 1.0 s.
  private static final String STORE_NEW_ROWS =
      """
      WITH duplicate AS (
          SELECT t.pos, min(r.id) AS id
          FROM result_import_row t
          JOIN live_benchmark_result r
            ON r.method_id = t.method_id AND r.dataset_id = t.dataset_id
           AND r.task = t.task AND r.target = t.target AND r.metric = t.metric
           AND r.basis = t.basis AND r.canonical_unit = t.canonical_unit
           AND r.canonical_value = t.canonical_value
           AND r.method_variant IS NOT DISTINCT FROM t.method_variant
           AND r.subset_id IS NOT DISTINCT FROM t.subset_id
           AND r.split IS NOT DISTINCT FROM t.split
           AND r.n_train IS NOT DISTINCT FROM t.n_train
           AND r.level_of_theory IS NOT DISTINCT FROM t.level_of_theory
           AND r.temperature_k IS NOT DISTINCT FROM t.temperature_k
          WHERE (r.dataset_id, r.target, lower(r.metric), r.task) IN (
              SELECT DISTINCT dataset_id, target, lower(metric), task FROM result_import_row)
          GROUP BY t.pos
      ), fresh AS MATERIALIZED (
          SELECT t.*, nextval('benchmark_result_id_seq') AS id
          FROM result_import_row t
          WHERE NOT EXISTS (SELECT 1 FROM duplicate d WHERE d.pos = t.pos)
          ORDER BY t.pos
      ), inserted AS (
          INSERT INTO benchmark_result (id, method_id, method_variant, dataset_id, subset_id,
              task, target, metric, value, unit, canonical_value, canonical_unit, basis, n_train,
              split, uncertainty, n_runs, temperature_k, level_of_theory, status, reported_on,
              paper_id, source_id, source_repository, source_path, source_commit,
              source_location)
          SELECT id, method_id, method_variant, dataset_id, subset_id, task, target, metric,
              value, unit, canonical_value, canonical_unit, basis, n_train, split, uncertainty,
              n_runs, temperature_k, level_of_theory, status, reported_on, paper_id, source_id,
              source_repository, source_path, source_commit, source_location
          FROM fresh ORDER BY pos
      ), history AS (
          INSERT INTO change_history (collection, item_id, action, key_name, after)
          SELECT 'results', f.id, 'create', :key_name, (SELECT to_jsonb(state) FROM (SELECT
              m.slug AS method, f.method_variant, d.slug AS dataset, s.slug AS subset, f.task,
              f.target, f.metric, trim_scale(f.value) AS value, f.unit, f.basis, f.n_train,
              f.split, trim_scale(f.uncertainty) AS uncertainty, f.n_runs,
              trim_scale(f.temperature_k) AS temperature_k, f.level_of_theory, f.status,
              f.reported_on::text AS reported_on, f.paper_id AS paper, f.source_id AS source,
              f.source_repository AS repository, f.source_path AS path,
              f.source_commit AS commit, f.source_location AS location) state)
          FROM fresh f
          JOIN method m ON m.id = f.method_id
          JOIN dataset d ON d.id = f.dataset_id
          LEFT JOIN dataset_subset s ON s.id = f.subset_id
          ORDER BY f.pos
      )
      SELECT pos, id, false AS duplicate FROM fresh
      UNION ALL
      SELECT pos, id, true FROM duplicate
      """;

  // For the rest of the import's transaction. At the default 4 MB, the duplicate check's hash
  // spills to disk and the board summaries' recount (the insert trigger's count of distinct methods
  // and fingerprints over every count row of a touched board) sorts on disk: on a board of 300,000
  // fingerprints 3.0 s, 1.0 s in memory (63 MB). A bound, not an allocation;
  // kb.import.max-concurrent bounds how many imports hold it at once.
  private static final String IMPORT_WORK_MEM = "SET LOCAL work_mem = '128MB'";

  // ANALYZE samples 300 rows per unit of the target; the rest of the transaction analyses nothing.
  private static final String SMALL_STATISTICS_SAMPLE = "SET LOCAL default_statistics_target = 10";

  private static final String METHOD_IDS = "SELECT slug, id FROM method WHERE slug = ANY(:slugs)";

  private static final String DATASET_IDS = "SELECT slug, id FROM dataset WHERE slug = ANY(:slugs)";

  private static final String SUBSET_IDS =
      """
      SELECT d.slug, s.slug, s.id
      FROM unnest(:datasets::text[], :subsets::text[]) AS asked(dataset, subset)
      JOIN dataset d ON d.slug = asked.dataset
      JOIN dataset_subset s ON s.dataset_id = d.id AND s.slug = asked.subset
      """;

  private static final String LIVE_PAPERS = "SELECT id FROM live_paper WHERE id = ANY(:values)";

  private static final String SOURCES = "SELECT id FROM source WHERE id = ANY(:values)";

  private static final String LIVE_PAPER_BY_IDENTIFIER =
      """
      SELECT id FROM live_paper
      WHERE doi = :doi OR arxiv_id = :arxiv_id
      ORDER BY id
      LIMIT 1
      """;

  private static final String LIVE_METHODS =
      "SELECT slug FROM live_method WHERE slug = ANY(:slugs) ORDER BY slug";

  private static final String LIVE_DATASETS =
      "SELECT slug FROM live_dataset WHERE slug = ANY(:slugs) ORDER BY slug";

  private final AgroalDataSource dataSource;
  private final MetricRegistry metricRegistry;

  public ResultImportRepository(AgroalDataSource dataSource, MetricRegistry metricRegistry) {
    this.dataSource = dataSource;
    this.metricRegistry = metricRegistry;
  }

  /** The duplicate key as text: what an import locks and what rows of one import are keyed by. */
  static String duplicateKey(ResultInput r, BigDecimal canonicalValue, String canonicalUnit) {
    return String.join(
        "\u0000",
        "result",
        r.method(),
        absentOr(r.methodVariant()),
        r.dataset(),
        absentOr(r.subset()),
        r.task(),
        r.target(),
        r.metric(),
        r.basis(),
        absentOr(r.split()),
        r.nTrain() == null ? "\u0001" : r.nTrain().toString(),
        absentOr(r.levelOfTheory()),
        r.temperatureK() == null ? "\u0001" : plain(r.temperatureK()),
        canonicalUnit,
        plain(canonicalValue));
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }

  private static String absentOr(String text) {
    return text == null ? "\u0001" : text;
  }

  /** A row to store, normalised by the rules, with its value in the dimension's canonical unit. */
  record Candidate(ResultInput result, BigDecimal canonicalValue, String canonicalUnit) {}

  /**
   * Per candidate, in their order: the id it was stored under, or when {@code duplicate} is set,
   * the oldest live result that already held its duplicate key (nothing was stored).
   */
  record Stored(long[] ids, boolean[] duplicate) {}

  /**
   * Stores the candidates the corpus does not hold yet, in a fixed number of statements: COPY into
   * a temporary table, then one statement that finds the duplicates and inserts the rest, each with
   * its creation in the change history under {@code keyName} (with the foreign keys checked
   * set-based when there are many, {@link SetBasedReferenceChecks}). Their duplicate keys must
   * differ from each other and be locked; their slugs must exist.
   */
  Stored storeNew(List<Candidate> candidates, String keyName) throws SQLException {
    long[] ids = new long[candidates.size()];
    boolean[] duplicate = new boolean[candidates.size()];
    if (candidates.isEmpty()) {
      return new Stored(ids, duplicate);
    }
    Ids known = ids(candidates);
    Sql.use(
        dataSource,
        h ->
            LongStatements.run(
                h.getConnection(),
                () -> {
                  h.execute(CREATE_ROWS);
                  SetBasedReferenceChecks.References references =
                      new SetBasedReferenceChecks.References();
                  // COPY is pgJDBC's own protocol; Jdbi has no part in it.
                  try (CsvCopy copy = CsvCopy.start(h.getConnection(), COPY_ROWS)) {
                    for (int pos = 0; pos < candidates.size(); pos++) {
                      Candidate candidate = candidates.get(pos);
                      ResultInput r = candidate.result();
                      long method = known.method(r.method());
                      long dataset = known.dataset(r.dataset());
                      Long subset =
                          r.subset() == null ? null : known.subset(r.dataset(), r.subset());
                      references.add(method, dataset, subset, r.paper(), r.source());
                      copy.field(pos)
                          .field(method)
                          .field(r.methodVariant())
                          .field(dataset)
                          .field(subset)
                          .field(r.task())
                          .field(r.target())
                          .field(r.metric())
                          .field(r.value())
                          .field(r.unit())
                          .field(candidate.canonicalValue())
                          .field(candidate.canonicalUnit())
                          .field(r.basis())
                          .field(r.nTrain())
                          .field(r.split())
                          .field(r.uncertainty())
                          .field(r.nRuns())
                          .field(r.temperatureK())
                          .field(r.levelOfTheory())
                          .field(r.status())
                          .field(r.reportedOn())
                          .field(r.paper())
                          .field(r.source())
                          .field(r.repository())
                          .field(r.path())
                          .field(r.commit())
                          .field(r.location())
                          .endRow();
                    }
                    copy.finish();
                  }
                  // A temporary table has no statistics until analysed: without them the planner
                  // guesses its size and may look every row up by index instead of joining once.
                  // The plan needs the row count and roughly how many boards the rows name; a
                  // 3,000-row sample tells both (the same plan in psql) in about 20 ms, not 72-136.
                  h.execute(SMALL_STATISTICS_SAMPLE);
                  h.execute("ANALYZE result_import_row");
                  h.execute(IMPORT_WORK_MEM);
                  boolean setBased =
                      SetBasedReferenceChecks.replacePerRowChecks(h, candidates.size(), references);
                  // Read straight into the arrays: no object per row for up to 100,000 rows.
                  h.createQuery(STORE_NEW_ROWS)
                      .bind("key_name", keyName)
                      .reduceResultSet(
                          (Void) null,
                          (none, rs, ctx) -> {
                            int pos = rs.getInt(1);
                            ids[pos] = rs.getLong(2);
                            duplicate[pos] = rs.getBoolean(3);
                            return none;
                          });
                  if (setBased) {
                    SetBasedReferenceChecks.restore(h);
                  }
                  return null;
                }));
    return new Stored(ids, duplicate);
  }

  /** The ids of the candidates' methods, datasets and subsets, one statement each. */
  private Ids ids(List<Candidate> candidates) throws SQLException {
    Set<String> methods = new HashSet<>();
    Set<String> datasets = new HashSet<>();
    Set<List<String>> subsets = new HashSet<>();
    for (Candidate candidate : candidates) {
      ResultInput r = candidate.result();
      methods.add(r.method());
      datasets.add(r.dataset());
      if (r.subset() != null) {
        subsets.add(List.of(r.dataset(), r.subset()));
      }
    }
    return Sql.with(
        dataSource,
        h -> {
          Map<String, Long> subsetIds = new HashMap<>();
          if (!subsets.isEmpty()) {
            subsetQuery(h, subsets)
                .reduceResultSet(
                    subsetIds,
                    (out, rs, ctx) -> {
                      out.put(rs.getString(1) + "\u0000" + rs.getString(2), rs.getLong(3));
                      return out;
                    });
          }
          return new Ids(
              idsBySlug(h, METHOD_IDS, methods), idsBySlug(h, DATASET_IDS, datasets), subsetIds);
        });
  }

  /** {@link #SUBSET_IDS} for these (dataset, subset) pairs. */
  private static Query subsetQuery(Handle h, Set<List<String>> pairs) {
    return h.createQuery(SUBSET_IDS)
        .bind("datasets", pairs.stream().map(p -> p.get(0)).toArray(String[]::new))
        .bind("subsets", pairs.stream().map(p -> p.get(1)).toArray(String[]::new));
  }

  private static Map<String, Long> idsBySlug(Handle h, String sql, Set<String> slugs) {
    return h.createQuery(sql)
        .bind("slugs", slugs.toArray(String[]::new))
        .reduceResultSet(
            new HashMap<String, Long>(),
            (out, rs, ctx) -> {
              out.put(rs.getString(1), rs.getLong(2));
              return out;
            });
  }

  /** Ids by slug; a slug the rules let through always has one. */
  private record Ids(
      Map<String, Long> methods, Map<String, Long> datasets, Map<String, Long> subsets) {
    long method(String slug) {
      return known(methods.get(slug), slug);
    }

    long dataset(String slug) {
      return known(datasets.get(slug), slug);
    }

    long subset(String dataset, String subset) {
      return known(subsets.get(dataset + "\u0000" + subset), dataset + "/" + subset);
    }

    private static long known(Long id, String what) {
      if (id == null) {
        throw new IllegalStateException("no id for " + what + ", which the rules accepted");
      }
      return id;
    }
  }

  /**
   * The answers to the rules' questions for all these results at once: one statement per kind of
   * question (methods, datasets, subsets, metrics, papers, sources), whatever the number of rows.
   */
  ResultRules.Lookups lookups(List<ResultInput> results, ResultRules.Lookups single)
      throws SQLException {
    Set<String> methods = new HashSet<>();
    Set<String> datasets = new HashSet<>();
    Set<List<String>> subsets = new HashSet<>();
    Set<String> metrics = new HashSet<>();
    Set<Long> papers = new HashSet<>();
    Set<String> sources = new HashSet<>();
    for (ResultInput r : results) {
      String dataset = ResultRules.text(r.dataset());
      String subset = ResultRules.text(r.subset());
      addText(methods, r.method());
      addText(datasets, dataset);
      if (dataset != null && subset != null) {
        subsets.add(List.of(dataset, subset));
      }
      addText(metrics, r.metric());
      if (r.paper() != null) {
        papers.add(r.paper());
      }
      addText(sources, r.source());
    }
    Set<String> liveMethods = new HashSet<>(liveSlugs(LIVE_METHODS, List.copyOf(methods)));
    Set<String> liveDatasets = new HashSet<>(liveSlugs(LIVE_DATASETS, List.copyOf(datasets)));
    return Sql.with(
        dataSource,
        h ->
            new BatchLookups(
                single,
                methods,
                liveMethods,
                datasets,
                liveDatasets,
                subsets,
                existingSubsets(h, subsets),
                metrics,
                metricRegistry.forResultWrites(metrics),
                papers,
                found(h, LIVE_PAPERS, papers.toArray(Long[]::new), Long.class),
                sources,
                found(h, SOURCES, sources.toArray(String[]::new), String.class)));
  }

  private static void addText(Set<String> into, String value) {
    String text = ResultRules.text(value);
    if (text != null) {
      into.add(text);
    }
  }

  private static Set<List<String>> existingSubsets(Handle h, Set<List<String>> asked) {
    Set<List<String>> out = new HashSet<>();
    if (asked.isEmpty()) {
      return out;
    }
    return subsetQuery(h, asked)
        .reduceResultSet(
            out,
            (existing, rs, ctx) -> {
              existing.add(List.of(rs.getString(1), rs.getString(2)));
              return existing;
            });
  }

  /** Of the {@code :values} asked, those {@code sql} finds. */
  private static <T> Set<T> found(Handle h, String sql, T[] asked, Class<T> type) {
    if (asked.length == 0) {
      return new HashSet<>();
    }
    return new HashSet<>(h.createQuery(sql).bind("values", asked).mapTo(type).list());
  }

  /** The repository a source's files come from, e.g. janosh/matbench-discovery. */
  public Optional<String> sourceRepository(String sourceId) throws SQLException {
    // A source without a repository reads as none, like a source that does not exist.
    return Sql.query(
        dataSource,
        "SELECT repository FROM source WHERE id = :id AND repository IS NOT NULL",
        q -> q.bind("id", sourceId).mapTo(String.class).findFirst());
  }

  /** The live paper holding this DOI or arXiv id (both as the schema stores them), if any. */
  public Optional<Long> livePaperId(String doi, String arxivId) throws SQLException {
    if (doi == null && arxivId == null) {
      return Optional.empty();
    }
    return Sql.query(
        dataSource,
        LIVE_PAPER_BY_IDENTIFIER,
        q -> q.bind("doi", doi).bind("arxiv_id", arxivId).mapTo(Long.class).findFirst());
  }

  /** Of these method slugs, the live ones. */
  public List<String> liveMethods(List<String> slugs) throws SQLException {
    return liveSlugs(LIVE_METHODS, slugs);
  }

  /** Of these dataset slugs, the live ones. */
  public List<String> liveDatasets(List<String> slugs) throws SQLException {
    return liveSlugs(LIVE_DATASETS, slugs);
  }

  private List<String> liveSlugs(String sql, List<String> slugs) throws SQLException {
    if (slugs.isEmpty()) {
      return new ArrayList<>();
    }
    return Sql.query(
        dataSource,
        sql,
        q -> q.bind("slugs", slugs.toArray(String[]::new)).mapTo(String.class).list());
  }
}
