package org.mlmdkb.result.imports;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;
import java.io.Reader;
import java.util.Set;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.query.QueryParams;
import org.mlmdkb.curation.ImportBodies;

/**
 * The query parameters of the benchmark-source formats: what LAMBench and kgcnn files do not say
 * themselves (the corpus dataset they measure, the units of kgcnn's numbers, where the file lies).
 */
@ApplicationScoped
public class ImportFormats {

  public static final Set<String> LAMBENCH_PARAMETERS =
      Set.of(
          "dry_run",
          "partial",
          "create_missing",
          "format",
          "dataset",
          "repository",
          "path",
          "commit");

  public static final Set<String> KGCNN_PARAMETERS =
      Set.of(
          "dry_run",
          "partial",
          "create_missing",
          "format",
          "method",
          "dataset",
          "subset",
          "energy_unit",
          "force_unit",
          "n_train",
          "repository",
          "path",
          "commit");

  static final String LAMBENCH_REPOSITORY = "deepmodeling/LAMBench";
  static final String LAMBENCH_RESULTS = "lambench/metrics/results/results.json";
  static final String KGCNN_REPOSITORY = "aimat-lab/gcnn_keras";

  /** {@code {"results": <results.json>, "metadata": <metadata.json>}}. */
  public LamBenchReader.Files lamBench(UriInfo uri, JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ImportBodies.malformed(
          "must be an object {\"results\": <results.json>, \"metadata\": <metadata.json>}");
    }
    return new LamBenchReader.Files(
        body.get("results"),
        body.get("metadata"),
        required(uri, "dataset", "the corpus dataset LAMBench's test sets are subsets of"),
        orDefault(uri, "repository", LAMBENCH_REPOSITORY),
        orDefault(uri, "path", LAMBENCH_RESULTS),
        param(uri, "commit"));
  }

  public KgcnnScoreReader.Request kgcnn(UriInfo uri, Reader body) {
    return new KgcnnScoreReader.Request(
        body,
        param(uri, "method"),
        required(uri, "dataset", "the corpus dataset the trajectory belongs to, e.g. md17"),
        param(uri, "subset"),
        required(uri, "energy_unit", "kgcnn score files carry no units, e.g. kcal/mol"),
        required(uri, "force_unit", "kgcnn score files carry no units, e.g. kcal/mol/Å"),
        QueryParams.integer("n_train", param(uri, "n_train")),
        orDefault(uri, "repository", KGCNN_REPOSITORY),
        required(
            uri,
            "path",
            "the file's path in its repository, e.g. training/results/MD17Dataset/…/….yaml"),
        param(uri, "commit"));
  }

  private static String param(UriInfo uri, String name) {
    String value = QueryParams.text(name, uri.getQueryParameters().getFirst(name));
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String orDefault(UriInfo uri, String name, String fallback) {
    String value = param(uri, name);
    return value == null ? fallback : value;
  }

  private static String required(UriInfo uri, String name, String what) {
    String value = param(uri, name);
    if (value == null) {
      throw ApiException.badParameter(name, "is required: " + what);
    }
    return value;
  }
}
