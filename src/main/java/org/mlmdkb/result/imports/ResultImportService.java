package org.mlmdkb.result.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import java.io.Reader;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mlmdkb.common.config.KbConfig;
import org.mlmdkb.common.db.RetriesTransientFailures;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.curation.ImportBodies;
import org.mlmdkb.curation.ImportLocks;
import org.mlmdkb.curation.ImportReport;
import org.mlmdkb.result.ResultInput;
import org.mlmdkb.result.ResultRules;

/**
 * Imports benchmark results (CSV, JSON, a Matbench Discovery model YAML, LAMBench results, kgcnn
 * score files) in one transaction. Each row is checked like a single write; a row whose duplicate
 * key (method, variant, the leaderboard fingerprint and the canonical value) a result of the corpus
 * or an earlier row already holds is skipped, never written twice, also when identical imports run
 * at once: the duplicate keys are locked before they are looked up. Results are never updated by an
 * import: a different value is a different measurement, and a correction goes through PATCH.
 *
 * <p>The work is set-based: the rules' look-ups, the duplicate check, the insert and the history
 * take a fixed number of statements whatever the number of rows (src/bench/imports.py).
 */
@ApplicationScoped
@Transactional
@RetriesTransientFailures
// The most an import may take, lock waits included (ImportLocks waits as long); documented in the
// README and openapi.yaml. kb.import.max-rows keeps a full import well inside it.
@TransactionConfiguration(timeout = ResultImportService.TRANSACTION_SECONDS)
public class ResultImportService {

  /** The longest an import's transaction may run before it is rolled back. */
  static final int TRANSACTION_SECONDS = 300;

  /** How one import is asked for. */
  public record Options(
      boolean dryRun, boolean partial, Set<MissingItems> createMissing, String keyName) {}

  /** Where a file lies in its source's repository, for every row's provenance. */
  public record FileOrigin(String path, String commit) {}

  /** A row that passed the rules, waiting for its duplicate check. */
  private record Checked(int position, ResultRow row, ResultRules.Checked checked, String key) {}

  private final ResultRules rules;
  private final ResultImportRepository corpus;
  private final MissingItemsCreator creator;
  private final ImportLocks locks;
  private final TransactionManager transactions;
  private final ObjectMapper json;
  private final int maxRows;

  public ResultImportService(
      ResultRules rules,
      ResultImportRepository corpus,
      MissingItemsCreator creator,
      ImportLocks locks,
      TransactionManager transactions,
      ObjectMapper json,
      KbConfig config) {
    this.rules = rules;
    this.corpus = corpus;
    this.creator = creator;
    this.locks = locks;
    this.transactions = transactions;
    this.json = json;
    this.maxRows = config.importing().maxRows();
  }

  public ImportReport importCsv(Reader body, Options options) throws SQLException, SystemException {
    return importRows(ResultTableReader.csv(body, maxRows), options);
  }

  public ImportReport importJson(Reader body, Options options)
      throws SQLException, SystemException {
    return importRows(ResultTableReader.json(body, json, maxRows), options);
  }

  public ImportReport importMatbenchModel(Reader body, FileOrigin file, Options options)
      throws SQLException, SystemException {
    String repository = corpus.sourceRepository(MatbenchModelReader.SOURCE).orElse(null);
    List<ResultRow> rows =
        MatbenchModelReader.read(
            body, new MatbenchModelReader.Origin(repository, file.path(), file.commit()));
    return importRows(rows, options);
  }

  public ImportReport importLamBench(LamBenchReader.Files files, Options options)
      throws SQLException, SystemException {
    return importRows(LamBenchReader.read(files, json), options);
  }

  public ImportReport importKgcnnScores(KgcnnScoreReader.Request request, Options options)
      throws SQLException, SystemException {
    return importRows(KgcnnScoreReader.read(request, json), options);
  }

  private ImportReport importRows(List<ResultRow> rows, Options options)
      throws SQLException, SystemException {
    if (rows.isEmpty()) {
      throw ImportBodies.noEntries("The body holds no results", "holds no result");
    }
    if (rows.size() > maxRows) {
      throw tooManyRows(maxRows);
    }
    ImportReport.Item[] items = new ImportReport.Item[rows.size()];
    List<Checked> checked = new ArrayList<>();
    MissingItemsCreator.Plan plan = creator.plan(options.createMissing());
    ResultRules.Lookups lookups =
        corpus.lookups(
            rows.stream()
                .filter(r -> r.notImported() == null && r.input() != null)
                .map(ResultRow::input)
                .toList(),
            rules.singleLookups());
    for (int i = 0; i < rows.size(); i++) {
      items[i] = check(i, rows.get(i), plan, checked, lookups);
    }
    Set<String> naturalKeys = new LinkedHashSet<>(plan.naturalKeys());
    checked.forEach(c -> naturalKeys.add(c.key()));
    locks.lockAll(naturalKeys);
    List<ImportReport.Created> created = creator.create(plan, options.keyName());
    store(checked, items, options);
    return ImportReport.conclude(
        ImportReport.RESULTS,
        "row",
        "rows",
        List.of(items),
        created,
        options.dryRun(),
        options.partial(),
        transactions);
  }

  /** 413: more rows than kb.import.max-rows (readers stop at the first row beyond it). */
  private static ApiException tooManyRows(int maxRows) {
    return ImportBodies.tooLarge(
        "An import may hold at most " + maxRows + " results, this one has more; split it",
        "has more than " + maxRows + " rows");
  }

  /** The item of a row refused or skipped on its own, or null once it joined {@code checked}. */
  private ImportReport.Item check(
      int position,
      ResultRow row,
      MissingItemsCreator.Plan plan,
      List<Checked> checked,
      ResultRules.Lookups lookups)
      throws SQLException {
    if (row.notImported() != null) {
      return item(row, "skipped", null, null, null, List.of(row.notImported()));
    }
    if (row.input() == null) {
      return item(row, "rejected", null, null, null, reasons(row.unreadable()));
    }
    ResultRules.Checked verdict = rules.check(row.input(), lookups);
    ResultInput result = verdict.result();
    List<Problem.FieldError> faults =
        plan.absorb(row, result, faults(row.unreadable(), verdict.errors()));
    if (!faults.isEmpty()) {
      return item(row, "rejected", null, null, result, reasons(faults));
    }
    checked.add(
        new Checked(
            position,
            row,
            verdict,
            ResultImportRepository.duplicateKey(
                result,
                verdict.unit().toCanonical(result.value()),
                verdict.unit().dimension().canonicalCode())));
    return null;
  }

  /**
   * Stores the checked rows in bulk and fills in their items. The first row of each duplicate key
   * goes to the database, which skips it when a live result holds the key; a later row with the
   * same key is a duplicate of that first row when it was stored, else of the same result.
   */
  private void store(List<Checked> checked, ImportReport.Item[] items, Options options)
      throws SQLException {
    Map<String, Integer> candidateByKey = new HashMap<>();
    List<ResultImportRepository.Candidate> candidates = new ArrayList<>();
    int[] candidateOf = new int[checked.size()];
    int[] firstRowOf = new int[checked.size()];
    for (int i = 0; i < checked.size(); i++) {
      Checked c = checked.get(i);
      Integer first = candidateByKey.putIfAbsent(c.key(), candidates.size());
      if (first == null) {
        firstRowOf[candidates.size()] = i;
        candidateOf[i] = candidates.size();
        ResultInput result = c.checked().result();
        candidates.add(
            new ResultImportRepository.Candidate(
                result,
                c.checked().unit().toCanonical(result.value()),
                c.checked().unit().dimension().canonicalCode()));
      } else {
        candidateOf[i] = first;
      }
    }
    ResultImportRepository.Stored stored = corpus.storeNew(candidates, options.keyName());
    for (int i = 0; i < checked.size(); i++) {
      Checked c = checked.get(i);
      int k = candidateOf[i];
      long id = stored.ids()[k];
      ResultInput result = c.checked().result();
      if (stored.duplicate()[k]) {
        items[c.position()] =
            item(c.row(), "skipped", null, id, result, List.of("duplicate of result " + id));
      } else if (firstRowOf[k] == i) {
        // A dry run's ids are rolled back and may be handed out again: none is reported.
        items[c.position()] =
            item(c.row(), "created", options.dryRun() ? null : id, null, result, List.of());
      } else {
        int firstRow = checked.get(firstRowOf[k]).row().index();
        items[c.position()] =
            item(
                c.row(),
                "skipped",
                null,
                options.dryRun() ? null : id,
                result,
                List.of("duplicate of row " + firstRow + " of this import"));
      }
    }
  }

  /** Unreadable fields first; the rules' complaint about the same (now empty) field is dropped. */
  private static List<Problem.FieldError> faults(
      List<Problem.FieldError> unreadable, List<Problem.FieldError> broken) {
    Map<String, Problem.FieldError> byField = new LinkedHashMap<>();
    unreadable.forEach(f -> byField.putIfAbsent(f.name(), f));
    broken.forEach(f -> byField.putIfAbsent(f.name(), f));
    return List.copyOf(byField.values());
  }

  private static List<String> reasons(List<Problem.FieldError> faults) {
    return faults.stream().map(f -> f.name() + " " + f.message()).toList();
  }

  private static ImportReport.Item item(
      ResultRow row,
      String status,
      Long resultId,
      Long duplicateOf,
      ResultInput parsed,
      List<String> reasons) {
    return new ImportReport.Item(
        row.index(), row.key(), status, null, resultId, duplicateOf, parsed, reasons);
  }
}
