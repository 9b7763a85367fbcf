package org.mlmdkb.result;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.mlmdkb.metric.Unit;
import org.mlmdkb.result.BoardDtos.BoardIndex;
import org.mlmdkb.result.BoardDtos.BoardRow;
import org.mlmdkb.result.BoardDtos.BoardSummary;
import org.mlmdkb.result.BoardDtos.Leaderboard;
import org.mlmdkb.result.ResultDto.Provenance;

/** Result lists and leaderboards as CSV: one header row, units in the header names. */
public final class CsvExport {

  public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";

  // Spreadsheets (Excel in particular) read UTF-8 only when the file starts with a byte order
  // mark; without it "Å" in the headers turns into mojibake.
  private static final String BOM = "\uFEFF";

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

  /** Where a number was read, the same columns in every export that lists results. */
  private static final List<String> PROVENANCE =
      List.of("source", "repository", "path", "commit", "location", "paper_doi");

  private CsvExport() {}

  public static String results(List<ResultItem> items, Unit unit) {
    List<String> header =
        new ArrayList<>(
            List.of(
                "id",
                "method",
                "method_variant",
                "dataset",
                "subset",
                "task",
                "target",
                "metric",
                "reported_value",
                "reported_uncertainty",
                "reported_unit"));
    if (unit != null) {
      header.addAll(List.of("value [" + unit.code() + "]", "uncertainty [" + unit.code() + "]"));
    }
    header.addAll(
        List.of(
            "canonical_value",
            "canonical_unit",
            "basis",
            "n_train",
            "split",
            "n_runs",
            "temperature [K]",
            "level_of_theory",
            "status",
            "reported_on"));
    header.addAll(PROVENANCE);
    List<List<Object>> rows = new ArrayList<>();
    for (ResultItem item : items) {
      ResultDto r = item.result();
      List<Object> row =
          new ArrayList<>(
              Arrays.asList(
                  r.id(),
                  r.method().slug(),
                  r.methodVariant(),
                  r.dataset().slug(),
                  r.subset() == null ? null : r.subset().slug(),
                  r.task(),
                  r.target(),
                  r.metric(),
                  plain(r.value()),
                  plain(r.uncertainty()),
                  r.unit()));
      if (unit != null) {
        row.addAll(Arrays.asList(plain(item.convertedValue()), plain(item.convertedUncertainty())));
      }
      row.addAll(
          Arrays.asList(
              plain(r.canonicalValue()),
              r.canonicalUnit(),
              r.basis(),
              r.nTrain(),
              r.split(),
              r.nRuns(),
              plain(r.temperatureK()),
              r.levelOfTheory(),
              r.status(),
              r.reportedOn()));
      row.addAll(provenance(r.provenance()));
      rows.add(row);
    }
    return write(header, rows);
  }

  public static String leaderboard(Leaderboard board) {
    String u = board.unit();
    List<String> header =
        new ArrayList<>(
            List.of(
                "rank",
                "tied",
                "method",
                "method_variant",
                "value [" + u + "]",
                "uncertainty [" + u + "]",
                "n_train",
                "split",
                "status",
                "reported_value",
                "reported_unit",
                "reported_on",
                "result_id"));
    header.addAll(PROVENANCE);
    header.addAll(List.of("dataset", "subset", "target", "metric", "direction"));
    List<List<Object>> rows = new ArrayList<>();
    for (BoardRow r : board.rows()) {
      List<Object> row =
          new ArrayList<>(
              Arrays.asList(
                  r.rank(),
                  r.tied(),
                  r.method().slug(),
                  r.methodVariant(),
                  plain(r.value()),
                  plain(r.uncertainty()),
                  r.nTrain(),
                  r.split(),
                  r.status(),
                  plain(r.reportedValue()),
                  r.reportedUnit(),
                  r.reportedOn(),
                  r.resultId()));
      row.addAll(provenance(r.provenance()));
      row.addAll(
          Arrays.asList(
              board.fingerprint().dataset().slug(),
              board.fingerprint().subset() == null ? null : board.fingerprint().subset().slug(),
              board.fingerprint().target(),
              board.fingerprint().metric(),
              board.direction()));
      rows.add(row);
    }
    return write(header, rows);
  }

  /** The leaderboard index, one board per row. */
  public static String index(BoardIndex index) {
    List<String> header =
        List.of(
            "dataset",
            "subset",
            "task",
            "target",
            "metric",
            "direction",
            "kind",
            "n_results",
            "n_methods",
            "n_fingerprints");
    List<List<Object>> rows = new ArrayList<>();
    for (BoardSummary b : index.items()) {
      rows.add(
          Arrays.asList(
              b.dataset() == null ? null : b.dataset().slug(),
              b.subset() == null ? null : b.subset().slug(),
              b.task(),
              b.target(),
              b.metric(),
              b.direction(),
              b.kind(),
              b.nResults(),
              b.nMethods(),
              b.nFingerprints()));
    }
    return write(header, rows);
  }

  /** The cells under {@link #PROVENANCE}. */
  private static List<Object> provenance(Provenance p) {
    return Arrays.asList(
        p.source(), p.repository(), p.path(), p.commit(), p.location(), p.paperDoi());
  }

  private static String plain(BigDecimal d) {
    return d == null ? null : d.toPlainString();
  }

  private static String write(List<String> header, List<List<Object>> rows) {
    StringWriter out = new StringWriter();
    out.write(BOM);
    try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
      printer.printRecord(header);
      for (List<Object> row : rows) {
        printer.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
