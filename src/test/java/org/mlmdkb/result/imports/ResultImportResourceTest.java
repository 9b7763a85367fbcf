package org.mlmdkb.result.imports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlmdkb.curation.CurationFixtures.newKey;
import static org.mlmdkb.curation.CurationFixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mlmdkb.testsupport.ApiTest;

@QuarkusTest
class ResultImportResourceTest extends ApiTest {

  private static final String HEADER =
      "method,dataset,subset,task,target,metric,value,unit,basis,n_train,split,repository,path\n";

  /** A 3BPA force MAE of PaiNN on a split of its own, so each test has a board to itself. */
  private static String row(String split, String value, String unit) {
    return "painn,3bpa,test-600k,energy-forces,forces,MAE,%s,%s,none,500,%s,https://github.com/example/benchmarks,results/test.csv\n"
        .formatted(value, unit, split);
  }

  private static RequestSpecification post(String key, String contentType, String body) {
    return given()
        .header("Authorization", "Bearer " + key)
        .contentType(contentType + "; charset=UTF-8")
        .body(body.getBytes(StandardCharsets.UTF_8));
  }

  private static String seededModelYaml() throws IOException {
    // A verbatim copy of janosh/matbench-discovery models/mace/mace-mp-0.yml, which the seed holds.
    try (InputStream in =
        ResultImportResourceTest.class.getResourceAsStream("/imports/mace-mp-0.yml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void csvCreatesEachRowWithItsHistory() {
    String split = "import-csv-" + unique();
    JsonPath report =
        post(
                newKey("curator"),
                "text/csv",
                HEADER + row(split, "1.5", "kcal/mol/A") + row(split, "2.5", "eV/Å"))
            .post("/api/v1/imports")
            .then()
            .statusCode(200)
            .contentType("application/json")
            .body("kind", equalTo("results"))
            .body("committed", equalTo(true))
            .body("summary.created", equalTo(2))
            .body("items.index", contains(1, 2))
            .body("items.status", contains("created", "created"))
            .body("items[0].parsed.unit", equalTo("kcal/mol/Å"))
            .body("items[0].parsed.split", equalTo(split))
            .body("items[0].paper_id", nullValue())
            .extract()
            .jsonPath();
    int id = report.getInt("items[1].result_id");
    given()
        .get("/api/v1/results/" + id)
        .then()
        .statusCode(200)
        .body("method.slug", equalTo("painn"))
        .body("unit", equalTo("eV/Å"))
        .body("canonical_unit", equalTo("meV/Å"));
    given()
        .header("Authorization", "Bearer " + org.mlmdkb.curation.CurationFixtures.ADMIN_KEY)
        .get("/api/v1/results/" + id + "/history")
        .then()
        .statusCode(200)
        .body("items.action", contains("create"))
        .body("items[0].after.split", equalTo(split));
  }

  @Test
  void jsonCreatesFromABareArrayAndFromAResultsObject() {
    String key = newKey("curator");
    String split = "import-json-" + unique();
    String result =
        """
        {"method": "painn", "dataset": "3bpa", "subset": "test-600k", "task": "energy-forces",
         "target": "forces", "metric": "MAE", "value": %s, "unit": "meV/Å", "basis": "none",
         "split": "%s", "paper": null, "repository": "https://github.com/example/benchmarks",
         "path": "results/test.json"}
        """;
    post(key, "application/json", "[" + result.formatted("11.25", split) + "]")
        .post("/api/v1/imports")
        .then()
        .statusCode(200)
        .body("kind", equalTo("results"))
        .body("items.status", contains("created"))
        .body("items[0].result_id", notNullValue());
    post(key, "application/json", "{\"results\": [" + result.formatted("12.5", split) + "]}")
        .post("/api/v1/imports")
        .then()
        .statusCode(200)
        .body("items.status", contains("created"))
        .body("items[0].parsed.value", equalTo(12.5f));
  }

  @Test
  void seededModelYamlYieldsOnlySkippedRows() throws IOException {
    JsonPath report =
        post(newKey("curator"), "application/yaml", seededModelYaml())
            .queryParam("path", "models/mace/mace-mp-0.yml")
            .post("/api/v1/imports")
            .then()
            .statusCode(200)
            .body("kind", equalTo("results"))
            .body("summary.created", equalTo(0))
            .body("summary.rejected", equalTo(0))
            .body("items.status", everyItem(equalTo("skipped")))
            .body("items.key", hasItem("metrics.discovery.full_test_set.F1"))
            .extract()
            .jsonPath();
    Map<String, Object> f1 =
        report.getMap("items.find { it.key == 'metrics.discovery.full_test_set.F1' }");
    assertEquals(
        List.of("duplicate of result " + f1.get("duplicate_of")), f1.get("reasons"), "F1 row");
    Map<String, Object> rmsd =
        report.getMap("items.find { it.key == 'metrics.geo_opt.symprec=1e-5.rmsd' }");
    assertTrue(String.valueOf(rmsd.get("reasons")).contains("does not establish the unit"));
    int f1Id = (Integer) f1.get("duplicate_of");
    given()
        .get("/api/v1/results/" + f1Id)
        .then()
        .statusCode(200)
        .body("method.slug", equalTo("mace-mp-0"))
        .body("metric", equalTo("F1"));
    // Every seeded measurement of the file is matched: 17 × 3 discovery, 2 × 5 geo_opt, 5 phonons,
    // 12 diatomics, 7 md; the rest are the metrics the seed leaves out too.
    assertEquals(85, report.getList("items.findAll { it.duplicate_of != null }").size());
  }

  @Test
  void modelYamlWithANewValueCreatesItWithProvenance() {
    // A clearly fake vibrational-frequency error (cm⁻¹), unique per run.
    String value = "9" + (System.nanoTime() % 1_000_000) + ".5";
    String yaml =
        """
        model_name: MACE-MP-0
        model_key: mace-mp-0
        dates:
          benchmark_added: '2023-07-14'
        metrics:
          diatomics:
            hardware: test bench
            pbe_vib_freq_error: %s
          md:
            rdf_error: 7.2668
        """
            .formatted(value);
    JsonPath report =
        post(newKey("curator"), "application/x-yaml", yaml)
            .queryParam("path", "models/test/mace-mp-0-test.yml")
            .queryParam("commit", "0000000000000000000000000000000000000000")
            .post("/api/v1/imports")
            .then()
            .statusCode(200)
            .body(
                "items.key",
                contains("metrics.diatomics.pbe_vib_freq_error", "metrics.md.rdf_error"))
            .body("items.status", contains("created", "skipped"))
            .body("items[0].parsed.unit", equalTo("cm⁻¹"))
            .body("items[0].parsed.dataset", equalTo("matbench-discovery-diatomics"))
            .body("items[1].reasons[0]", startsWith("duplicate of result "))
            .extract()
            .jsonPath();
    given()
        .get("/api/v1/results/" + report.getInt("items[0].result_id"))
        .then()
        .statusCode(200)
        .body("method.slug", equalTo("mace-mp-0"))
        .body("target", equalTo("diatomics"))
        .body("reported_on", equalTo("2023-07-14"))
        .body("provenance.source", equalTo("matbench-discovery"))
        .body("provenance.repository", equalTo("janosh/matbench-discovery"))
        .body("provenance.path", equalTo("models/test/mace-mp-0-test.yml"))
        .body("provenance.location", equalTo("metrics.diatomics.pbe_vib_freq_error (line 8)"));
  }

  @Test
  void modelYamlOfAnUnknownModelIsRejectedRowByRow() {
    String model = "test-model-" + unique();
    String yaml =
        """
        model_key: %s
        metrics:
          md:
            energy_rmse: 1.0
            force_rmse: 2.0
        """
            .formatted(model);
    post(newKey("curator"), "application/yaml", yaml)
        .queryParam("path", "models/test/unknown.yml")
        .post("/api/v1/imports")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body(
            "errors.name",
            contains("row 1 (metrics.md.energy_rmse)", "row 2 (metrics.md.force_rmse)"))
        .body(
            "errors[0].message",
            equalTo(
                "method unknown method '"
                    + model
                    + "': create it with POST /api/v1/methods, or import with"
                    + " create_missing=methods"));
  }

  @Test
  void dryRunReportsWithoutWriting() {
    String key = newKey("curator");
    String csv = HEADER + row("import-dry-" + unique(), "3", "eV/Å");
    post(key, "text/csv", csv)
        .queryParam("dry_run", true)
        .post("/api/v1/imports")
        .then()
        .statusCode(200)
        .body("dry_run", equalTo(true))
        .body("committed", equalTo(false))
        .body("items.status", contains("created"))
        .body("items[0].result_id", nullValue());
    // Had the dry run written the row, this would be a duplicate of it.
    post(key, "text/csv", csv)
        .post("/api/v1/imports")
        .then()
        .statusCode(200)
        .body("items.status", contains("created"));
  }

  @Test
  void oneBadRowRejectsTheWholeImportUnlessPartial() {
    String key = newKey("curator");
    String split = "import-bad-" + unique();
    String csv =
        HEADER
            + row(split, "1", "eV/Å")
            + "painn,3bpa,test-600k,energy-forces,sideways,MAE,abc,furlong,none,500,%s,,\n"
                .formatted(split)
            + row(split, "2", "eV/Å");
    post(key, "text/csv", csv)
        .post("/api/v1/imports")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.name", contains("row 2"))
        .body(
            "errors[0].message",
            equalTo(
                "value must be a number; target must be one of [energy, forces, stress, discovery,"
                    + " geometry, thermal-conductivity, phonons, diatomics, md, eos]; unit unknown"
                    + " unit 'furlong'; provenance give a paper, or a repository and a path"));
    // Nothing of the refused import was written: rows 1 and 3 are new, not duplicates.
    post(key, "text/csv", csv)
        .queryParam("partial", true)
        .post("/api/v1/imports")
        .then()
        .statusCode(200)
        .body("partial", equalTo(true))
        .body("items.status", contains("created", "rejected", "created"))
        .body("items[1].parsed.target", equalTo("sideways"))
        .body("items[1].result_id", nullValue());
  }

  @Test
  void duplicatesWithinTheFileAndOfTheCorpusAreSkipped() {
    String key = newKey("curator");
    String split = "import-dup-" + unique();
    // 1 eV/Å and 1000 meV/Å are the same measurement in canonical units.
    String csv = HEADER + row(split, "1", "eV/Å") + row(split, "1000", "meV/Å");
    JsonPath first =
        post(key, "text/csv", csv)
            .post("/api/v1/imports")
            .then()
            .statusCode(200)
            .body("items.status", contains("created", "skipped"))
            .body("items[1].reasons", contains("duplicate of row 1 of this import"))
            .extract()
            .jsonPath();
    int created = first.getInt("items[0].result_id");
    assertEquals(created, first.getInt("items[1].duplicate_of"));
    post(key, "text/csv", csv)
        .post("/api/v1/imports")
        .then()
        .statusCode(200)
        .body("summary.skipped", equalTo(2))
        .body("items.duplicate_of", contains(created, created))
        .body("items[0].reasons", contains("duplicate of result " + created));
  }

  @Test
  void unknownUnitIsRejected() {
    String row =
        """
        [{"method": "painn", "dataset": "3bpa", "task": "energy-forces", "target": "forces",
          "metric": "MAE", "value": 1, "unit": "furlong/fortnight", "basis": "none",
          "repository": "https://github.com/example/benchmarks", "path": "results/test.json"}]
        """;
    post(newKey("curator"), "application/json", row)
        .queryParam("partial", true)
        .post("/api/v1/imports")
        .then()
        .statusCode(200)
        .body("items.status", contains("rejected"))
        .body("items[0].reasons", contains("unit unknown unit 'furlong/fortnight'"));
  }

  static Stream<Arguments> unreadableBodies() {
    return Stream.of(
        Arguments.of("text/csv", HEADER + "\"unclosed,1\n", "is not valid CSV"),
        Arguments.of("text/csv", "method,dataset,colour\na,b,c\n", "The CSV header"),
        Arguments.of("application/json", "[{\"method\": ", "is not valid JSON"),
        Arguments.of("application/json", "{\"rows\": []}", "must be a JSON array"),
        Arguments.of("application/yaml", "metrics: [unclosed", "is not valid YAML"),
        Arguments.of("application/yaml", "- just\n- a list\n", "is not a model YAML"),
        Arguments.of("application/yaml", "model_name: no key\n", "has no model_key"));
  }

  @ParameterizedTest
  @MethodSource("unreadableBodies")
  void unreadableBodiesAre400(String contentType, String body, String detail) {
    RequestSpecification request = post(newKey("curator"), contentType, body);
    if (contentType.equals("application/yaml")) {
      request.queryParam("path", "models/test/unreadable.yml");
    }
    request
        .post("/api/v1/imports")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", endsWith("malformed-body"))
        .body("detail", containsString(detail));
  }

  @Test
  void bodyOverTheLimitIs413() {
    String big = HEADER + row("x".repeat(120_000), "1", "eV");
    post(newKey("curator"), "text/csv", big)
        .post("/api/v1/imports")
        .then()
        .statusCode(413)
        .contentType("application/problem+json");
  }

  @Test
  void unsupportedContentTypeIs415() {
    post(newKey("curator"), "text/plain", "method\n")
        .post("/api/v1/imports")
        .then()
        .statusCode(415)
        .contentType("application/problem+json");
  }

  @Test
  void importWithoutKeyIs401() {
    given()
        .contentType("text/csv")
        .body(HEADER + row("import-nokey", "1", "eV/Å"))
        .post("/api/v1/imports")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void pathIsRefusedForCsv() {
    post(newKey("curator"), "text/csv", HEADER + row("import-path", "1", "eV/Å"))
        .queryParam("path", "x.csv")
        .post("/api/v1/imports")
        .then()
        .statusCode(400)
        .body("errors[0].name", equalTo("path"));
  }

  @Test
  void modelYamlWithoutPathIs400NamingPath() throws IOException {
    post(newKey("curator"), "application/yaml", seededModelYaml())
        .post("/api/v1/imports")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].name", equalTo("path"));
  }
}
