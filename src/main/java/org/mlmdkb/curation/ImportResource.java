package org.mlmdkb.curation;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mlmdkb.common.config.KbConfig;
import org.mlmdkb.common.query.QueryParams;
import org.mlmdkb.curation.Importer.Body;
import org.mlmdkb.curation.auth.Caller;

/**
 * Bulk imports (curator or admin key), chosen by Content-Type and {@code format}: a BibTeX/BibLaTeX
 * bibliography (papers), or benchmark results as CSV, JSON, a Matbench Discovery model YAML,
 * LAMBench results with their metadata, or a kgcnn score file. Each format is a feature's {@link
 * Importer}. At most kb.import.max-concurrent run at once ({@link ImportGate}).
 */
@Path("/api/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

  static final String BIBTEX = "application/x-bibtex";
  static final String CSV = "text/csv";
  static final String YAML = "application/yaml";

  /** The {@code format} values of a kind of body, the default first; one value needs no choice. */
  private static final Map<Body, List<String>> FORMATS =
      Map.of(
          Body.BIBTEX, List.of("bibtex"),
          Body.CSV, List.of("rows"),
          Body.JSON, List.of("rows", "lambench"),
          Body.YAML, List.of("matbench-model", "kgcnn"));

  private final Map<Importer.Format, Importer> importers = new HashMap<>();
  private final ImportGate gate;
  private final Caller caller;
  private final ObjectMapper json;
  private final long maxBytes;

  public ImportResource(
      Instance<Importer> importers,
      ImportGate gate,
      Caller caller,
      ObjectMapper json,
      KbConfig config) {
    for (Importer importer : importers) {
      importer.formats().forEach(format -> this.importers.put(format, importer));
    }
    this.gate = gate;
    this.caller = caller;
    this.json = json;
    this.maxBytes = config.importing().maxBytes();
  }

  @POST
  @Consumes({BIBTEX, "text/x-bibtex"})
  public ImportReport importBibtex(
      @Context UriInfo uri, @HeaderParam("Content-Length") String contentLength, InputStream body)
      throws Exception {
    return run(Body.BIBTEX, uri, contentLength, body);
  }

  @POST
  @Consumes(CSV)
  public ImportReport importCsv(
      @Context UriInfo uri, @HeaderParam("Content-Length") String contentLength, InputStream body)
      throws Exception {
    return run(Body.CSV, uri, contentLength, body);
  }

  /** Result rows, or with {@code format=lambench} LAMBench's results.json and metadata.json. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public ImportReport importJson(
      @Context UriInfo uri, @HeaderParam("Content-Length") String contentLength, InputStream body)
      throws Exception {
    return run(Body.JSON, uri, contentLength, body);
  }

  /**
   * A Matbench Discovery model file; {@code path} and {@code commit} say where it lies in
   * janosh/matbench-discovery. With {@code format=kgcnn}, a kgcnn per-run score file.
   */
  @POST
  @Consumes({YAML, "application/x-yaml", "text/yaml"})
  public ImportReport importYaml(
      @Context UriInfo uri, @HeaderParam("Content-Length") String contentLength, InputStream body)
      throws Exception {
    return run(Body.YAML, uri, contentLength, body);
  }

  /**
   * Parameters are checked before the import waits for a slot; a body with a single format leaves a
   * stray {@code format} to its importer, which refuses it like any unknown parameter.
   */
  private ImportReport run(Body kind, UriInfo uri, String contentLength, InputStream body)
      throws Exception {
    List<String> names = FORMATS.get(kind);
    String chosen =
        names.size() == 1
            ? null
            : QueryParams.oneOf("format", uri.getQueryParameters().getFirst("format"), names);
    Importer.Format format = new Importer.Format(kind, chosen == null ? names.get(0) : chosen);
    Importer importer = importers.get(format);
    if (importer == null) {
      throw new IllegalStateException("no importer reads " + format);
    }
    ImportReport.Listing listing =
        ImportReport.Listing.of(uri.getQueryParameters().getFirst(ImportReport.Listing.PARAMETER));
    ImportRequest request =
        new ImportRequest(uri, contentLength, body, caller.keyName(), maxBytes, json);
    return gate.run(importer.prepare(format, request)).listing(listing);
  }
}
