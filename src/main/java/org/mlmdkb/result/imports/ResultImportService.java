package org.mlmdkb.result.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mlmdkb.common.db.RetriesTransientFailures;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.curation.HistoryRepository;
import org.mlmdkb.curation.ImportLocks;
import org.mlmdkb.curation.ImportReport;
import org.mlmdkb.result.ResultInput;
import org.mlmdkb.result.ResultRules;
import org.mlmdkb.result.ResultWriteRepository;

/**
 * Imports benchmark results (CSV, JSON, a Matbench Discovery model YAML, LAMBench results, kgcnn
 * score files) in one transaction. Each row is checked like a single write; a row whose duplicate
 * key (method, variant, the leaderboard fingerprint and the canonical value) a result of the corpus
 * or an earlier row already holds is skipped, never written twice, also when identical imports run
 * at once: the duplicate keys are locked before they are looked up. Results are never updated by an
 * import: a different value is a different measurement, and a correction goes through PATCH.
 */
@ApplicationScoped
@Transactional
@RetriesTransientFailures
// Measured about 300 rows/s (src/bench/writes.py): MAX_ROWS takes some 20 s, well inside this.
@TransactionConfiguration(timeout = 300)
public class ResultImportService {

  static final String COLLECTION = "results";

  /** Rows per import: bounds one transaction's length; larger files are split by the client. */
  public static final int MAX_ROWS = 5000;

  /** How one import is asked for. */
  public record Options(
      boolean dryRun, boolean partial, Set<MissingItems> createMissing, String keyName) {}

  /** Where a file lies in its source's repository, for every row's provenance. */
  public record FileOrigin(String path, String commit) {}

  /** What an earlier row of this import created, by what it measures. */
  private record Earlier(int index, long id) {}

  /** A row that passed the rules, waiting for its duplicate check. */
  private record Checked(int position, ResultRow row, ResultRules.Checked checked, String key) {}

  private final ResultRules rules;
  private final ResultWriteRepository writes;
  private final ResultImportRepository corpus;
  private final MissingItemsCreator creator;
  private final HistoryRepository history;
  private final ImportLocks locks;
  private final TransactionManager transactions;
  private final ObjectMapper json;

  public ResultImportService(
      ResultRules rules,
      ResultWriteRepository writes,
      ResultImportRepository corpus,
      MissingItemsCreator creator,
      HistoryRepository history,
      ImportLocks locks,
      TransactionManager transactions,
      ObjectMapper json) {
    this.rules = rules;
    this.writes = writes;
    this.corpus = corpus;
    this.creator = creator;
    this.history = history;
    this.locks = locks;
    this.transactions = transactions;
    this.json = json;
  }

  public ImportReport importCsv(Reader body, Options options) throws SQLException, SystemException {
    return importRows(ResultTableReader.csv(body), options);
  }

  public ImportReport importJson(Reader body, Options options)
      throws SQLException, SystemException {
    return importRows(ResultTableReader.json(body, json), options);
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
      throw new ApiException(
          422,
          "no-entries",
          "No entries",
          "The body holds no results",
          List.of(new Problem.FieldError("body", "body", "holds no result")));
    }
    if (rows.size() > MAX_ROWS) {
      throw new ApiException(
          413,
          "content-too-large",
          "Content Too Large",
          "An import may hold at most "
              + MAX_ROWS
              + " results, this one has "
              + rows.size()
              + "; split it",
          List.of(new Problem.FieldError("body", "body", "has more than " + MAX_ROWS + " rows")));
    }
    ImportReport.Item[] items = new ImportReport.Item[rows.size()];
    List<Checked> checked = new ArrayList<>();
    MissingItemsCreator.Plan plan = creator.plan(options.createMissing());
    for (int i = 0; i < rows.size(); i++) {
      ResultRow row = rows.get(i);
      ImportReport.Item refused = check(i, row, plan, checked);
      items[i] = refused;
    }
    Set<String> naturalKeys = new LinkedHashSet<>(plan.naturalKeys());
    checked.forEach(c -> naturalKeys.add(c.key()));
    locks.lockAll(naturalKeys);
    List<ImportReport.Created> created = creator.create(plan, options.keyName());
    Map<String, Earlier> earlier = new HashMap<>();
    for (Checked c : checked) {
      items[c.position()] = store(c, earlier, options);
    }
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

  /** The item of a row refused or skipped on its own, or null once it joined {@code checked}. */
  private ImportReport.Item check(
      int position, ResultRow row, MissingItemsCreator.Plan plan, List<Checked> checked)
      throws SQLException {
    if (row.notImported() != null) {
      return item(row, "skipped", null, null, null, List.of(row.notImported()));
    }
    if (row.input() == null) {
      return item(row, "rejected", null, null, null, reasons(row.unreadable()));
    }
    ResultRules.Checked verdict = rules.check(row.input());
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

  private ImportReport.Item store(Checked c, Map<String, Earlier> earlier, Options options)
      throws SQLException {
    ResultInput result = c.checked().result();
    BigDecimal canonicalValue = c.checked().unit().toCanonical(result.value());
    String canonicalUnit = c.checked().unit().dimension().canonicalCode();
    Earlier same = earlier.get(c.key());
    if (same != null) {
      return item(
          c.row(),
          "skipped",
          null,
          options.dryRun() ? null : same.id(),
          result,
          List.of("duplicate of row " + same.index() + " of this import"));
    }
    Optional<Long> duplicate = corpus.findDuplicate(result, canonicalValue, canonicalUnit);
    if (duplicate.isPresent()) {
      return item(
          c.row(),
          "skipped",
          null,
          duplicate.get(),
          result,
          List.of("duplicate of result " + duplicate.get()));
    }
    long id = writes.insert(result, canonicalValue, canonicalUnit);
    history.record(COLLECTION, id, "create", options.keyName(), null, result);
    earlier.put(c.key(), new Earlier(c.row().index(), id));
    // A dry run's ids are rolled back and may be handed out again: none is reported.
    return item(c.row(), "created", options.dryRun() ? null : id, null, result, List.of());
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
