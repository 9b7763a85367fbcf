package org.mlmdkb.result.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mlmdkb.common.db.RetriesTransientFailures;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.curation.HistoryRepository;
import org.mlmdkb.curation.ImportReport;
import org.mlmdkb.result.ResultInput;
import org.mlmdkb.result.ResultRules;
import org.mlmdkb.result.ResultWriteRepository;

/**
 * Imports benchmark results (CSV, JSON or a Matbench Discovery model YAML) in one transaction. Each
 * row is checked like a single write; a row measuring what a result of the corpus or an earlier row
 * already holds (same method, variant, dataset, subset, task, target, metric, split, n_train and
 * canonical value) is skipped, never written twice. Results are never updated by an import: a
 * different value is a different measurement, and a correction goes through PATCH.
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

  /** What an earlier row of this import created, by what it measures. */
  private record Earlier(int index, long id) {}

  private final ResultRules rules;
  private final ResultWriteRepository writes;
  private final ResultImportRepository corpus;
  private final HistoryRepository history;
  private final TransactionManager transactions;
  private final ObjectMapper json;

  public ResultImportService(
      ResultRules rules,
      ResultWriteRepository writes,
      ResultImportRepository corpus,
      HistoryRepository history,
      TransactionManager transactions,
      ObjectMapper json) {
    this.rules = rules;
    this.writes = writes;
    this.corpus = corpus;
    this.history = history;
    this.transactions = transactions;
    this.json = json;
  }

  public ImportReport importCsv(String text, boolean dryRun, boolean partial, String keyName)
      throws SQLException, SystemException {
    return importRows(ResultTableReader.csv(text), dryRun, partial, keyName);
  }

  public ImportReport importJson(String text, boolean dryRun, boolean partial, String keyName)
      throws SQLException, SystemException {
    return importRows(ResultTableReader.json(text, json), dryRun, partial, keyName);
  }

  /** {@code path} and {@code commit} locate the file in the source's repository, if known. */
  public ImportReport importMatbenchModel(
      String text, String path, String commit, boolean dryRun, boolean partial, String keyName)
      throws SQLException, SystemException {
    String repository = corpus.sourceRepository(MatbenchModelReader.SOURCE).orElse(null);
    List<ResultRow> rows =
        MatbenchModelReader.read(text, new MatbenchModelReader.Origin(repository, path, commit));
    return importRows(rows, dryRun, partial, keyName);
  }

  private ImportReport importRows(
      List<ResultRow> rows, boolean dryRun, boolean partial, String keyName)
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
    Map<String, Earlier> earlier = new HashMap<>();
    List<ImportReport.Item> items = new ArrayList<>();
    for (ResultRow row : rows) {
      items.add(importOne(row, earlier, keyName, dryRun));
    }
    return ImportReport.conclude(
        ImportReport.RESULTS, "row", "rows", items, dryRun, partial, transactions);
  }

  private ImportReport.Item importOne(
      ResultRow row, Map<String, Earlier> earlier, String keyName, boolean dryRun)
      throws SQLException {
    if (row.notImported() != null) {
      return item(row, "skipped", null, null, null, List.of(row.notImported()));
    }
    if (row.input() == null) {
      return item(row, "rejected", null, null, null, reasons(row.unreadable()));
    }
    ResultRules.Checked checked = rules.check(row.input());
    ResultInput result = checked.result();
    List<Problem.FieldError> faults = faults(row.unreadable(), checked.errors());
    if (!faults.isEmpty()) {
      return item(row, "rejected", null, null, result, reasons(faults));
    }
    BigDecimal canonicalValue = checked.unit().toCanonical(result.value());
    String canonicalUnit = checked.unit().dimension().canonicalCode();
    String measures = measures(result, canonicalValue, canonicalUnit);
    Earlier same = earlier.get(measures);
    if (same != null) {
      return item(
          row,
          "skipped",
          null,
          dryRun ? null : same.id(),
          result,
          List.of("duplicate of row " + same.index() + " of this import"));
    }
    Optional<Long> duplicate = corpus.findDuplicate(result, canonicalValue, canonicalUnit);
    if (duplicate.isPresent()) {
      return item(
          row,
          "skipped",
          null,
          duplicate.get(),
          result,
          List.of("duplicate of result " + duplicate.get()));
    }
    long id = writes.insert(result, canonicalValue, canonicalUnit);
    history.record(COLLECTION, id, "create", keyName, null, result);
    earlier.put(measures, new Earlier(row.index(), id));
    // A dry run's ids are rolled back and may be handed out again: none is reported.
    return item(row, "created", dryRun ? null : id, null, result, List.of());
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

  private static String measures(ResultInput r, BigDecimal canonicalValue, String canonicalUnit) {
    return String.join(
        "\u0000",
        r.method(),
        absentOr(r.methodVariant()),
        r.dataset(),
        absentOr(r.subset()),
        r.task(),
        r.target(),
        r.metric(),
        absentOr(r.split()),
        r.nTrain() == null ? "\u0001" : r.nTrain().toString(),
        canonicalUnit,
        canonicalValue.stripTrailingZeros().toPlainString());
  }

  private static String absentOr(String text) {
    return text == null ? "\u0001" : text;
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
