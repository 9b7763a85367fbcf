package org.mlmdkb.curation;

import jakarta.transaction.SystemException;
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
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.mlmdkb.common.config.KbConfig;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.common.query.QueryParams;
import org.mlmdkb.curation.auth.Caller;
import org.mlmdkb.paper.bibtex.ImportService;
import org.mlmdkb.result.imports.ResultImportService;

/**
 * Bulk imports (curator or admin key), chosen by Content-Type: a BibTeX/BibLaTeX bibliography
 * (papers), or benchmark results as CSV, JSON or a Matbench Discovery model YAML.
 */
@Path("/api/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

  static final String BIBTEX = "application/x-bibtex";
  static final String CSV = "text/csv";
  static final String YAML = "application/yaml";

  private final ImportService service;
  private final ResultImportService results;
  private final Caller caller;
  private final long maxBytes;

  public ImportResource(
      ImportService service, ResultImportService results, Caller caller, KbConfig config) {
    this.service = service;
    this.results = results;
    this.caller = caller;
    this.maxBytes = config.importing().maxBytes();
  }

  @POST
  @Consumes({BIBTEX, "text/x-bibtex"})
  public ImportReport importBibtex(
      @Context UriInfo uri,
      @HeaderParam("Content-Length") String contentLength,
      @QueryParam("dry_run") String dryRun,
      @QueryParam("partial") String partial,
      InputStream body)
      throws IOException, SQLException, SystemException {
    QueryParams.allowOnly(uri, Set.of("dry_run", "partial"));
    return service.importBibtex(
        read(contentLength, body), flag("dry_run", dryRun), flag("partial", partial), key());
  }

  @POST
  @Consumes(CSV)
  public ImportReport importCsv(
      @Context UriInfo uri,
      @HeaderParam("Content-Length") String contentLength,
      @QueryParam("dry_run") String dryRun,
      @QueryParam("partial") String partial,
      InputStream body)
      throws IOException, SQLException, SystemException {
    QueryParams.allowOnly(uri, Set.of("dry_run", "partial"));
    return results.importCsv(
        read(contentLength, body), flag("dry_run", dryRun), flag("partial", partial), key());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public ImportReport importJson(
      @Context UriInfo uri,
      @HeaderParam("Content-Length") String contentLength,
      @QueryParam("dry_run") String dryRun,
      @QueryParam("partial") String partial,
      InputStream body)
      throws IOException, SQLException, SystemException {
    QueryParams.allowOnly(uri, Set.of("dry_run", "partial"));
    return results.importJson(
        read(contentLength, body), flag("dry_run", dryRun), flag("partial", partial), key());
  }

  /** {@code path} and {@code commit} say where the file lies in janosh/matbench-discovery. */
  @POST
  @Consumes({YAML, "application/x-yaml", "text/yaml"})
  public ImportReport importMatbenchModel(
      @Context UriInfo uri,
      @HeaderParam("Content-Length") String contentLength,
      @QueryParam("dry_run") String dryRun,
      @QueryParam("partial") String partial,
      @QueryParam("path") String path,
      @QueryParam("commit") String commit,
      InputStream body)
      throws IOException, SQLException, SystemException {
    QueryParams.allowOnly(uri, Set.of("dry_run", "partial", "path", "commit"));
    String filePath = QueryParams.text("path", path);
    if (filePath == null || filePath.isBlank()) {
      // Every row's provenance needs it, and the body cannot tell it: refuse up front.
      throw ApiException.badParameter(
          "path",
          "is required for a model YAML: the file's path in janosh/matbench-discovery,"
              + " e.g. models/mace/mace-mp-0.yml");
    }
    return results.importMatbenchModel(
        read(contentLength, body),
        filePath,
        QueryParams.text("commit", commit),
        flag("dry_run", dryRun),
        flag("partial", partial),
        key());
  }

  private static boolean flag(String name, String value) {
    return Boolean.TRUE.equals(QueryParams.bool(name, value));
  }

  private String key() {
    return caller.keyName();
  }

  /** Reads at most kb.import.max-bytes; a larger body is refused without being buffered. */
  private String read(String contentLength, InputStream body) throws IOException {
    if (contentLength != null
        && contentLength.matches("\\d{1,18}")
        && Long.parseLong(contentLength) > maxBytes) {
      throw tooLarge();
    }
    byte[] bytes =
        body == null
            ? new byte[0]
            : body.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
    if (bytes.length > maxBytes) {
      throw tooLarge();
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new ApiException(
          400,
          "malformed-body",
          "Malformed request body",
          "The body must be UTF-8 text",
          List.of(new Problem.FieldError("body", "body", "is not valid UTF-8")));
    }
    if (text.indexOf('\u0000') >= 0) {
      // PostgreSQL cannot store NUL in text; refuse the body rather than fail mid-import.
      throw new ApiException(
          400,
          "malformed-body",
          "Malformed request body",
          "The body contains a NUL character",
          List.of(new Problem.FieldError("body", "body", "contains a NUL character")));
    }
    return text;
  }

  private ApiException tooLarge() {
    return new ApiException(
        413,
        "content-too-large",
        "Content Too Large",
        "An import body may hold at most " + maxBytes + " bytes; split it into several imports",
        List.of(new Problem.FieldError("body", "body", "is larger than " + maxBytes + " bytes")));
  }
}
