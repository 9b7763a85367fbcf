package org.mlmdkb.result.imports;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.mlmdkb.common.config.KbConfig;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.query.QueryParams;
import org.mlmdkb.curation.ImportGate;
import org.mlmdkb.curation.ImportReport;
import org.mlmdkb.curation.ImportRequest;
import org.mlmdkb.curation.Importer;
import org.mlmdkb.result.imports.ResultImportService.Options;

/**
 * Benchmark results as the import endpoint receives them: rows as CSV or JSON (bounded by
 * kb.import.max-result-bytes), a Matbench Discovery model YAML, LAMBench's results and metadata, or
 * a kgcnn score file.
 */
@ApplicationScoped
public class ResultImporter implements Importer {

  private static final Format CSV_ROWS = new Format(Body.CSV, "rows");
  private static final Format JSON_ROWS = new Format(Body.JSON, "rows");
  private static final Format LAMBENCH = new Format(Body.JSON, "lambench");
  private static final Format MATBENCH_MODEL = new Format(Body.YAML, "matbench-model");
  private static final Format KGCNN = new Format(Body.YAML, "kgcnn");

  private static final Set<String> COMMON = Set.of("dry_run", "partial", "create_missing");

  private final ResultImportService results;
  private final ImportFormats formats;
  private final long maxResultBytes;

  public ResultImporter(ResultImportService results, ImportFormats formats, KbConfig config) {
    this.results = results;
    this.formats = formats;
    this.maxResultBytes = config.importing().maxResultBytes();
  }

  @Override
  public Set<Format> formats() {
    return Set.of(CSV_ROWS, JSON_ROWS, LAMBENCH, MATBENCH_MODEL, KGCNN);
  }

  @Override
  public ImportGate.Work<ImportReport> prepare(Format format, ImportRequest request) {
    if (format.equals(CSV_ROWS)) {
      request.allowOnly(COMMON);
      Options options = options(request);
      return () -> results.importCsv(request.open(maxResultBytes), options);
    }
    if (format.equals(JSON_ROWS)) {
      request.allowOnly(QueryParams.union(COMMON, Set.of("format")));
      Options options = options(request);
      return () -> results.importJson(request.open(maxResultBytes), options);
    }
    if (format.equals(LAMBENCH)) {
      request.allowOnly(ImportFormats.LAMBENCH_PARAMETERS);
      Options options = options(request);
      return () ->
          results.importLamBench(formats.lamBench(request.uri(), request.readJson()), options);
    }
    if (format.equals(KGCNN)) {
      request.allowOnly(ImportFormats.KGCNN_PARAMETERS);
      Options options = options(request);
      return () -> results.importKgcnnScores(formats.kgcnn(request.uri(), request.open()), options);
    }
    return prepareMatbenchModel(request);
  }

  private ImportGate.Work<ImportReport> prepareMatbenchModel(ImportRequest request) {
    request.allowOnly(QueryParams.union(COMMON, Set.of("format", "path", "commit")));
    String filePath = QueryParams.text("path", request.parameter("path"));
    if (filePath == null || filePath.isBlank()) {
      // Every row's provenance needs it, and the body cannot tell it: refuse up front.
      throw ApiException.badParameter(
          "path",
          "is required for a model YAML: the file's path in janosh/matbench-discovery,"
              + " e.g. models/mace/mace-mp-0.yml");
    }
    Options options = options(request);
    ResultImportService.FileOrigin file =
        new ResultImportService.FileOrigin(
            filePath, QueryParams.text("commit", request.parameter("commit")));
    return () -> results.importMatbenchModel(request.open(), file, options);
  }

  private static Options options(ImportRequest request) {
    return new Options(
        request.flag("dry_run"),
        request.flag("partial"),
        MissingItems.parse(QueryParams.text("create_missing", request.parameter("create_missing"))),
        request.keyName());
  }
}
