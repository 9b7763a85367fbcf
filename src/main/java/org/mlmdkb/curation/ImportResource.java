package org.mlmdkb.curation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.mlmdkb.common.config.KbConfig;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.query.QueryParams;
import org.mlmdkb.curation.auth.Caller;
import org.mlmdkb.paper.bibtex.ImportService;
import org.mlmdkb.result.imports.ImportFormats;
import org.mlmdkb.result.imports.MissingItems;
import org.mlmdkb.result.imports.ResultImportService;
import org.mlmdkb.result.imports.ResultImportService.Options;

/**
 * Bulk imports (curator or admin key), chosen by Content-Type and {@code format}: a BibTeX/BibLaTeX
 * bibliography (papers), or benchmark results as CSV, JSON, a Matbench Discovery model YAML,
 * LAMBench results with their metadata, or a kgcnn score file. At most kb.import.max-concurrent run
 * at once ({@link ImportGate}).
 */
@Path("/api/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

  static final String BIBTEX = "application/x-bibtex";
  static final String CSV = "text/csv";
  static final String YAML = "application/yaml";

  private static final Set<String> COMMON = Set.of("dry_run", "partial", "create_missing");

  private final ImportService service;
  private final ResultImportService results;
  private final ImportFormats formats;
  private final ImportGate gate;
  private final Caller caller;
  private final ObjectMapper json;
  private final long maxBytes;
  private final long maxResultBytes;

  public ImportResource(
      ImportService service,
      ResultImportService results,
      ImportFormats formats,
      ImportGate gate,
      Caller caller,
      ObjectMapper json,
      KbConfig config) {
    this.service = service;
    this.results = results;
    this.formats = formats;
    this.gate = gate;
    this.caller = caller;
    this.json = json;
    this.maxBytes = config.importing().maxBytes();
    this.maxResultBytes = config.importing().maxResultBytes();
  }

  @POST
  @Consumes({BIBTEX, "text/x-bibtex"})
  public ImportReport importBibtex(
      @Context UriInfo uri,
      @HeaderParam("Content-Length") String contentLength,
      @QueryParam("dry_run") String dryRun,
      @QueryParam("partial") String partial,
      InputStream body)
      throws Exception {
    QueryParams.allowOnly(uri, Set.of("dry_run", "partial"));
    boolean dry = flag("dry_run", dryRun);
    boolean part = flag("partial", partial);
    return gate.run(
        () -> service.importBibtex(open(contentLength, body).readAll(), dry, part, key()));
  }

  @POST
  @Consumes(CSV)
  public ImportReport importCsv(
      @Context UriInfo uri,
      @HeaderParam("Content-Length") String contentLength,
      @QueryParam("dry_run") String dryRun,
      @QueryParam("partial") String partial,
      @QueryParam("create_missing") String createMissing,
      InputStream body)
      throws Exception {
    QueryParams.allowOnly(uri, COMMON);
    Options options = options(dryRun, partial, createMissing);
    return gate.run(() -> results.importCsv(open(contentLength, body, maxResultBytes), options));
  }

  /** Result rows, or with {@code format=lambench} LAMBench's results.json and metadata.json. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public ImportReport importJson(
      @Context UriInfo uri,
      @HeaderParam("Content-Length") String contentLength,
      @QueryParam("dry_run") String dryRun,
      @QueryParam("partial") String partial,
      @QueryParam("create_missing") String createMissing,
      @QueryParam("format") String format,
      InputStream body)
      throws Exception {
    String chosen = QueryParams.oneOf("format", format, java.util.List.of("rows", "lambench"));
    if ("lambench".equals(chosen)) {
      QueryParams.allowOnly(uri, ImportFormats.LAMBENCH_PARAMETERS);
      Options options = options(dryRun, partial, createMissing);
      return gate.run(
          () ->
              results.importLamBench(
                  formats.lamBench(uri, readJson(open(contentLength, body))), options));
    }
    QueryParams.allowOnly(uri, union(COMMON, Set.of("format")));
    Options options = options(dryRun, partial, createMissing);
    return gate.run(() -> results.importJson(open(contentLength, body, maxResultBytes), options));
  }

  /**
   * A Matbench Discovery model file; {@code path} and {@code commit} say where it lies in
   * janosh/matbench-discovery. With {@code format=kgcnn}, a kgcnn per-run score file.
   */
  @POST
  @Consumes({YAML, "application/x-yaml", "text/yaml"})
  public ImportReport importYaml(
      @Context UriInfo uri,
      @HeaderParam("Content-Length") String contentLength,
      @QueryParam("dry_run") String dryRun,
      @QueryParam("partial") String partial,
      @QueryParam("create_missing") String createMissing,
      @QueryParam("format") String format,
      @QueryParam("path") String path,
      @QueryParam("commit") String commit,
      InputStream body)
      throws Exception {
    String chosen =
        QueryParams.oneOf("format", format, java.util.List.of("matbench-model", "kgcnn"));
    if ("kgcnn".equals(chosen)) {
      QueryParams.allowOnly(uri, ImportFormats.KGCNN_PARAMETERS);
      Options options = options(dryRun, partial, createMissing);
      return gate.run(
          () -> results.importKgcnnScores(formats.kgcnn(uri, open(contentLength, body)), options));
    }
    QueryParams.allowOnly(uri, union(COMMON, Set.of("format", "path", "commit")));
    String filePath = QueryParams.text("path", path);
    if (filePath == null || filePath.isBlank()) {
      // Every row's provenance needs it, and the body cannot tell it: refuse up front.
      throw ApiException.badParameter(
          "path",
          "is required for a model YAML: the file's path in janosh/matbench-discovery,"
              + " e.g. models/mace/mace-mp-0.yml");
    }
    Options options = options(dryRun, partial, createMissing);
    ResultImportService.FileOrigin file =
        new ResultImportService.FileOrigin(filePath, QueryParams.text("commit", commit));
    return gate.run(() -> results.importMatbenchModel(open(contentLength, body), file, options));
  }

  private Options options(String dryRun, String partial, String createMissing) {
    return new Options(
        flag("dry_run", dryRun),
        flag("partial", partial),
        MissingItems.parse(QueryParams.text("create_missing", createMissing)),
        key());
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    java.util.Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return all;
  }

  private static boolean flag(String name, String value) {
    return Boolean.TRUE.equals(QueryParams.bool(name, value));
  }

  private String key() {
    return caller.keyName();
  }

  private ImportBodyReader open(String contentLength, InputStream body) {
    return open(contentLength, body, maxBytes);
  }

  /** The body as a bounded UTF-8 stream; a declared length beyond the limit is refused at once. */
  private static ImportBodyReader open(String contentLength, InputStream body, long limit) {
    if (contentLength != null
        && contentLength.matches("\\d{1,18}")
        && Long.parseLong(contentLength) > limit) {
      throw ImportBodies.tooLarge(limit);
    }
    return ImportBodyReader.of(body, limit);
  }

  private JsonNode readJson(ImportBodyReader body) {
    try {
      return json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(body);
    } catch (JsonProcessingException e) {
      ApiException fault = ImportBodyReader.faultIn(e);
      throw fault != null
          ? fault
          : ImportBodies.malformed("is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ImportBodyReader.rethrow(e);
    }
  }
}
