package org.mlmdkb.result.imports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlmdkb.curation.CurationFixtures.newKey;
import static org.mlmdkb.curation.CurationFixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlmdkb.testsupport.ApiTest;

/** Imports of the real files benchmark sources publish (fixtures: resources/imports/README.md). */
@QuarkusTest
public class BenchmarkSourceImportTest extends ApiTest {

  private static String fixture(String name) throws IOException {
    try (InputStream in = BenchmarkSourceImportTest.class.getResourceAsStream("/imports/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static RequestSpecification post(String key, String contentType, String body) {
    return given()
        .header("Authorization", "Bearer " + key)
        .contentType(contentType + "; charset=UTF-8")
        .body(body.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A dataset of this test's own with subset {@code s1}, so the rows it imports never join the
   * seed's boards that other classes assert on.
   */
  public static String ownDataset(String key) {
    String slug = "import-set-" + unique();
    given()
        .header("Authorization", "Bearer " + key)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "slug",
                slug,
                "name",
                "Import test set " + slug,
                "domain",
                "small-molecules",
                "subsets",
                List.of(Map.of("slug", "s1", "name", "Subset one"))))
        .post("/api/v1/datasets")
        .then()
        .statusCode(201);
    return slug;
  }

  /** Soft-deletes what an import created, so the seed's wbm boards stay as other tests expect. */
  private static void deleteAgain(List<Integer> resultIds, String method) {
    for (int id : resultIds) {
      String etag =
          given().get("/api/v1/results/" + id).then().statusCode(200).extract().header("ETag");
      given()
          .header("Authorization", "Bearer " + org.mlmdkb.curation.CurationFixtures.ADMIN_KEY)
          .header("If-Match", etag)
          .delete("/api/v1/results/" + id)
          .then()
          .statusCode(204);
    }
    String etag =
        given().get("/api/v1/methods/" + method).then().statusCode(200).extract().header("ETag");
    given()
        .header("Authorization", "Bearer " + org.mlmdkb.curation.CurationFixtures.ADMIN_KEY)
        .header("If-Match", etag)
        .delete("/api/v1/methods/" + method)
        .then()
        .statusCode(204);
  }

  @Test
  void newMatbenchModelImportsWithItsMethodAndLineageOnceOnly() throws IOException {
    String key = newKey("curator");
    String yaml = fixture("dpa-4.0-pro-mptrj.yml");
    JsonPath first =
        post(key, "application/yaml", yaml)
            .queryParam("path", "models/deepmd/dpa-4.0-pro-mptrj.yml")
            .queryParam("commit", "f3331112918b21aafee2011d1c0c59cb52f6e7da")
            .queryParam("create_missing", "methods")
            .post("/api/v1/imports")
            .then()
            .statusCode(200)
            .body("committed", equalTo(true))
            .body("summary.rejected", equalTo(0))
            .body("summary.created", greaterThan(40))
            .body("also_created.collection", contains("methods"))
            .body("also_created.ref", contains("dpa-4.0-pro-mptrj"))
            .body("also_created[0].reasons", contains("derives from deepmd"))
            .extract()
            .jsonPath();
    Map<String, Object> f1 =
        first.getMap("items.find { it.key == 'metrics.discovery.full_test_set.F1' }");
    assertEquals("created", f1.get("status"));
    given()
        .get("/api/v1/methods/dpa-4.0-pro-mptrj")
        .then()
        .statusCode(200)
        .body("name", equalTo("DPA-4.0-Pro-MPtrj"))
        .body("family", equalTo("universal"))
        .body("parameter_count", equalTo(32724908))
        .body("code_url", equalTo("https://github.com/deepmodeling/deepmd-kit"))
        .body("licence", equalTo("LGPL-3.0"))
        .body("lineage.parents.slug", contains("deepmd"))
        .body("training_datasets", contains("mptrj"));
    post(key, "application/yaml", yaml)
        .queryParam("path", "models/deepmd/dpa-4.0-pro-mptrj.yml")
        .queryParam("commit", "f3331112918b21aafee2011d1c0c59cb52f6e7da")
        .queryParam("create_missing", "methods")
        .post("/api/v1/imports")
        .then()
        .statusCode(200)
        .body("summary.created", equalTo(0))
        .body("summary.updated", equalTo(0))
        .body("also_created", empty())
        .body("items.status", everyItem(equalTo("skipped")));
    given()
        .get("/api/v1/methods/dpa-4.0-pro-mptrj/history")
        .then()
        .statusCode(200)
        .body("items.action", contains("create"));
    List<Integer> created =
        first.getList("items.findAll { it.status == 'created' }.result_id", Integer.class);
    deleteAgain(created, "dpa-4.0-pro-mptrj");
  }

  private static void deleteMethod(String slug) {
    String etag =
        given().get("/api/v1/methods/" + slug).then().statusCode(200).extract().header("ETag");
    given()
        .header("Authorization", "Bearer " + org.mlmdkb.curation.CurationFixtures.ADMIN_KEY)
        .header("If-Match", etag)
        .delete("/api/v1/methods/" + slug)
        .then()
        .statusCode(204);
  }

  @Test
  void supersededModelImportsWithItsFamilyParentAndTheSupersedesLinkOnceOnly() throws IOException {
    String key = newKey("curator");
    // The real file of a superseded DPA3 model (superseded_by: dpa3-v2-mptrj), its model key and
    // successor renamed to methods of this test: the seed already holds both real ones.
    String model = "dpa3-v1-mptrj-" + unique();
    String successor = "dpa3-successor-" + unique();
    given()
        .header("Authorization", "Bearer " + key)
        .contentType(ContentType.JSON)
        .body(Map.of("slug", successor, "name", "Successor " + successor, "family", "universal"))
        .post("/api/v1/methods")
        .then()
        .statusCode(201);
    String real = fixture("dpa3-v1-mptrj.yml");
    String yaml =
        real.replace("model_key: dpa3-v1-mptrj\n", "model_key: " + model + "\n")
            .replace("superseded_by: dpa3-v2-mptrj\n", "superseded_by: " + successor + "\n");
    assertTrue(
        yaml.contains("model_key: " + model + "\n")
            && yaml.contains("superseded_by: " + successor + "\n"),
        "the fixture no longer holds the lines this test renames");
    JsonPath first =
        post(key, "application/yaml", yaml)
            .queryParam("path", "models/deepmd/dpa3-v1-mptrj.yml")
            .queryParam("commit", "2c7f9fc42d018711dc2f5df573d225ea6d2d17b2")
            .queryParam("create_missing", "methods")
            .post("/api/v1/imports")
            .then()
            .statusCode(200)
            .body("committed", equalTo(true))
            .body("summary.rejected", equalTo(0))
            .body("also_created.ref", contains(model))
            .body(
                "also_created[0].reasons",
                contains(
                    "derives from deepmd",
                    "superseded by " + successor + " (linked: " + successor + " supersedes it)"))
            .extract()
            .jsonPath();
    given()
        .get("/api/v1/methods/" + model)
        .then()
        .statusCode(200)
        .body("name", equalTo("DPA3-v1-MPtrj"))
        .body("lineage.parents.slug", contains("deepmd"))
        .body("lineage.parents[0].relation", equalTo("derives_from"))
        .body("lineage.children.slug", contains(successor))
        .body("lineage.children[0].relation", equalTo("supersedes"));
    given()
        .get("/api/v1/methods/" + model + "/lineage")
        .then()
        .statusCode(200)
        .body(
            "edges", hasItem(Map.of("parent", model, "child", successor, "relation", "supersedes")))
        .body(
            "edges",
            hasItem(Map.of("parent", "deepmd", "child", model, "relation", "derives_from")));
    given()
        .get("/api/v1/methods/" + successor + "/history")
        .then()
        .statusCode(200)
        .body("items.action", contains("create", "update"))
        .body("items[1].after.supersedes", contains(model));
    post(key, "application/yaml", yaml)
        .queryParam("path", "models/deepmd/dpa3-v1-mptrj.yml")
        .queryParam("commit", "2c7f9fc42d018711dc2f5df573d225ea6d2d17b2")
        .queryParam("create_missing", "methods")
        .post("/api/v1/imports")
        .then()
        .statusCode(200)
        .body("summary.created", equalTo(0))
        .body("summary.updated", equalTo(0))
        .body("also_created", empty());
    given()
        .get("/api/v1/methods/" + successor + "/history")
        .then()
        .body("items.action", contains("create", "update"));
    given()
        .get("/api/v1/methods/" + model + "/history")
        .then()
        .body("items.action", contains("create"));
    deleteMethod(successor);
    deleteAgain(
        first.getList("items.findAll { it.status == 'created' }.result_id", Integer.class), model);
  }

  @Test
  void supersededByAModelTheCorpusLacksIsCreatedUnlinkedAndSaysSo() {
    String model = "superseded-model-" + unique();
    String successor = "no-such-successor-" + unique();
    // Synthetic, in the shape of a Matbench Discovery model file.
    String yaml =
        """
        model_name: Superseded test model
        model_key: %s
        lifecycle: superseded
        superseded_by: %s
        metrics:
          md:
            energy_rmse: 1.25
        """
            .formatted(model, successor);
    JsonPath report =
        post(newKey("curator"), "application/yaml", yaml)
            .queryParam("path", "models/test/superseded.yml")
            .queryParam("create_missing", "methods")
            .post("/api/v1/imports")
            .then()
            .statusCode(200)
            .body("also_created.ref", contains(model))
            .body(
                "also_created[0].reasons",
                contains("superseded by " + successor + ", which the corpus lacks: not linked"))
            .extract()
            .jsonPath();
    given().get("/api/v1/methods/" + model).then().body("lineage.children", empty());
    deleteAgain(
        report.getList("items.findAll { it.status == 'created' }.result_id", Integer.class), model);
  }

  @Test
  void unknownMethodWithoutCreateMissingSaysHowToCreateIt() {
    String csv =
        "method,dataset,subset,task,target,metric,value,unit,basis,repository,path\n"
            + "no-such-model-"
            + unique()
            + ",3bpa,test-600k,energy-forces,forces,MAE,1.5,meV/Å,none,"
            + "https://github.com/example/benchmarks,results/test.csv\n";
    // Refused as a whole: nothing reaches the 3BPA board.
    post(newKey("curator"), "text/csv", csv)
        .post("/api/v1/imports")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].name", equalTo("row 1"))
        .body("errors[0].message", containsString("create_missing=methods"));
  }

  @Test
  void createMissingOnADryRunCreatesNothing() {
    String method = "dry-model-" + unique();
    String csv =
        "method,dataset,subset,task,target,metric,value,unit,basis,repository,path\n"
            + method
            + ",3bpa,test-600k,energy-forces,forces,MAE,1.5,meV/Å,none,"
            + "https://github.com/example/benchmarks,results/test.csv\n";
    post(newKey("curator"), "text/csv", csv)
        .queryParam("create_missing", "methods")
        .queryParam("dry_run", "true")
        .post("/api/v1/imports")
        .then()
        .statusCode(200)
        .body("committed", equalTo(false))
        .body("summary.created", equalTo(1))
        .body("also_created.ref", contains(method));
    given().get("/api/v1/methods/" + method).then().statusCode(404);
  }

  @Test
  void unknownCreateMissingWordIsA400() {
    post(newKey("curator"), "text/csv", "method\n")
        .queryParam("create_missing", "papers")
        .post("/api/v1/imports")
        .then()
        .statusCode(400)
        .body("errors[0].name", equalTo("create_missing"));
  }

  @Test
  void lamBenchImportsWithUnitsFromItsMetadataAndRefusesPercentSuccessRates() throws IOException {
    String key = newKey("curator");
    String dataset = "lambench-" + unique();
    given()
        .header("Authorization", "Bearer " + key)
        .contentType(ContentType.JSON)
        .body(Map.of("slug", dataset, "name", "LAMBench " + dataset, "domain", "materials"))
        .post("/api/v1/datasets")
        .then()
        .statusCode(201);
    String body = fixture("lambench-dpa-3.1-3m.json");
    post(key, "application/json", body)
        .queryParam("format", "lambench")
        .queryParam("dataset", dataset)
        .queryParam("create_missing", "methods,subsets")
        .post("/api/v1/imports")
        .then()
        .statusCode(422)
        .body("errors.message", hasItem(containsString("(a percentage needs unit %)")));
    JsonPath report =
        post(key, "application/json", body)
            .queryParam("format", "lambench")
            .queryParam("dataset", dataset)
            .queryParam("create_missing", "methods,subsets")
            .queryParam("partial", "true")
            .post("/api/v1/imports")
            .then()
            .statusCode(200)
            .body("summary.rejected", equalTo(6))
            .extract()
            .jsonPath();
    String neb = "DPA-3.1-3M.generalizability_domain_specific_results.neb.";
    assertEquals(
        List.of(
            neb + "ø_Transfer",
            neb + "success_rate",
            neb + "ø_Desorption",
            neb + "ø_Dissociation",
            "DPA-3.1-3M.applicability_results.inference_efficiency.success_rate",
            "DPA-3.1-3M.applicability_results.nve_md.momenta_diff"),
        report.getList("items.findAll { it.status == 'rejected' }.key"));
    Map<String, Object> unregistered =
        row(report, "DPA-3.1-3M.generalizability_domain_specific_results.neb.ø_Transfer");
    assertEquals("rejected", unregistered.get("status"));
    assertEquals(
        List.of(
            "metric 'ø_Transfer' is not in the metric registry; a curator registers it with POST"
                + " /api/v1/metrics (name 'ø_transfer', kind, direction, dimension, min, max),"
                + " or use a listed one (GET /api/v1/metrics)"),
        unregistered.get("reasons"));
    Map<String, Object> force =
        row(report, "DPA-3.1-3M.generalizability_force_field_results.MD22.force_rmse");
    assertEquals("created", force.get("status"));
    assertEquals("meV/Å", ((Map<?, ?>) force.get("parsed")).get("unit"));
    assertEquals("md22", ((Map<?, ?>) force.get("parsed")).get("subset"));
    assertEquals("dpa-3.1-3m", ((Map<?, ?>) force.get("parsed")).get("method"));
    assertEquals(
        "J/(K·mol)",
        ((Map<?, ?>)
                row(
                        report,
                        "DPA-3.1-3M.generalizability_domain_specific_results.phonon_mdr"
                            + ".mae_entropy")
                    .get("parsed"))
            .get("unit"));
    assertEquals(
        "eV/atom/ps",
        ((Map<?, ?>) row(report, "DPA-3.1-3M.applicability_results.nve_md.slope").get("parsed"))
            .get("unit"));
    assertEquals(
        "skipped",
        row(report, "DPA-3.1-3M.generalizability_force_field_results.MD22.virial_rmse")
            .get("status"));
    Map<String, Object> fraction =
        row(report, "DPA-3.1-3M.applicability_results.nve_md.success_rate");
    assertEquals("created", fraction.get("status"));
    Map<String, Object> percent =
        row(report, "DPA-3.1-3M.generalizability_domain_specific_results.neb.success_rate");
    assertEquals("rejected", percent.get("status"));
    assertEquals(
        List.of(
            "value 'success_rate' is a rate: with unit 1 it lies in [0, 1]"
                + " (a percentage needs unit %)"),
        percent.get("reasons"));
    given()
        .get("/api/v1/datasets/" + dataset)
        .then()
        .statusCode(200)
        .body("subsets.slug", hasItem("md22"))
        .body("subsets.slug", hasItem("nve-md"));
  }

  private static Map<String, Object> row(JsonPath report, String key) {
    return report.getMap("items.find { it.key == '" + key + "' }");
  }

  @Test
  void successRateIsAFractionWithUnitOneAndAPercentageWithPercent() {
    String split = "rate-" + unique();
    String header =
        "method,dataset,subset,task,target,metric,value,unit,basis,split,repository,path\n";
    String row =
        "painn,3bpa,test-600k,md-stability,md,success_rate,%s,%s,none,"
            + split
            + ",https://github.com/example/benchmarks,results/rates.csv\n";
    String key = newKey("curator");
    post(key, "text/csv", header + row.formatted("100.0", "1"))
        .post("/api/v1/imports")
        .then()
        .statusCode(422)
        .body(
            "errors[0].message",
            equalTo(
                "value 'success_rate' is a rate: with unit 1 it lies in [0, 1]"
                    + " (a percentage needs unit %)"));
    post(key, "text/csv", header + row.formatted("1.0", "1") + row.formatted("100.0", "%"))
        .post("/api/v1/imports")
        .then()
        .statusCode(200)
        .body("items.status", contains("created", "skipped"))
        .body("items[1].reasons", contains("duplicate of row 1 of this import"));
  }

  @Test
  void negativeErrorIsRefusedNamingRowAndRule() {
    String csv =
        "method,dataset,subset,task,target,metric,value,unit,basis,repository,path\n"
            + "painn,3bpa,test-600k,energy-forces,forces,MAE,-1,meV/Å,none,"
            + "https://github.com/example/benchmarks,results/test.csv\n";
    post(newKey("curator"), "text/csv", csv)
        .post("/api/v1/imports")
        .then()
        .statusCode(422)
        .body("errors[0].name", equalTo("row 1"))
        .body("errors[0].message", equalTo("value must not be negative: 'MAE' is an error"));
  }

  @Test
  void rowsDifferingOnlyInBasisAreBothStored() {
    String split = "basis-" + unique();
    String header =
        "method,dataset,subset,task,target,metric,value,unit,basis,split,repository,path\n";
    String row =
        "painn,3bpa,test-600k,energy-forces,forces,MAE,2.5,meV/Å,%s,"
            + split
            + ",https://github.com/example/benchmarks,results/test.csv\n";
    post(
            newKey("curator"),
            "text/csv",
            header + row.formatted("none") + row.formatted("per-structure"))
        .post("/api/v1/imports")
        .then()
        .statusCode(200)
        .body("items.status", contains("created", "created"));
  }

  @Test
  void kgcnnScoreFileOfTheSeedChangesNothing() throws IOException {
    post(newKey("curator"), "application/yaml", fixture("kgcnn-painn-aspirin-ccsd.yaml"))
        .queryParam("format", "kgcnn")
        .queryParam("dataset", "md17")
        .queryParam("energy_unit", "kcal/mol")
        .queryParam("force_unit", "kcal/mol/Å")
        .queryParam("n_train", "1000")
        .queryParam(
            "path",
            "training/results/MD17Dataset/PAiNN_EnergyForceModel/"
                + "PAiNN_MD17Dataset_score_aspirin_ccsd.yaml")
        .post("/api/v1/imports")
        .then()
        .statusCode(200)
        .body(
            "items.key",
            contains(
                "val_energy_scaled_mean_absolute_error", "val_force_scaled_mean_absolute_error"))
        .body("items.status", contains("skipped", "skipped"))
        .body("items[0].parsed.subset", equalTo("aspirin-ccsd"))
        .body("items[0].parsed.method_variant", equalTo("kgcnn 4.0.0"))
        .body("items[0].parsed.level_of_theory", equalTo("CCSD"))
        .body("items[0].parsed.n_runs", equalTo(1))
        .body("items[0].parsed.uncertainty", nullValue());
  }

  @Test
  void kgcnnRunsAreAveragedWithPopulationStandardDeviation() {
    // Synthetic: a score file of three runs (kgcnn writes one list entry per run).
    String yaml =
        """
        model_name: Schnet
        kgcnn_version: 4.0.0
        trajectory_name: aspirin_ccsd
        val_energy_scaled_mean_absolute_error:
        - 1.0
        - 2.0
        - 3.0
        val_force_scaled_mean_absolute_error:
        - 0.5
        - 0.5
        - 0.5
        """;
    post(newKey("curator"), "application/yaml", yaml)
        .queryParam("format", "kgcnn")
        .queryParam("dataset", "md17")
        .queryParam("energy_unit", "kcal/mol")
        .queryParam("force_unit", "kcal/mol/Å")
        .queryParam("n_train", String.valueOf(2000 + (int) (Math.random() * 100000)))
        .queryParam("path", "synthetic/Schnet_MD17Dataset_score_aspirin_ccsd.yaml")
        .queryParam("dry_run", "true")
        .post("/api/v1/imports")
        .then()
        .statusCode(200)
        .body("items.status", contains("created", "created"))
        .body("items[0].parsed.value", equalTo(2))
        .body("items[0].parsed.uncertainty", equalTo(0.816496580927726f))
        .body("items[0].parsed.n_runs", equalTo(3))
        .body("items[1].parsed.uncertainty", equalTo(0))
        .body("items[1].parsed.unit", equalTo("kcal/mol/Å"));
  }

  @Test
  void kgcnnWithoutUnitsIsA400NamingTheParameter() {
    post(newKey("curator"), "application/yaml", "model_name: Schnet\n")
        .queryParam("format", "kgcnn")
        .queryParam("dataset", "md17")
        .queryParam("force_unit", "kcal/mol/Å")
        .queryParam("path", "x.yaml")
        .post("/api/v1/imports")
        .then()
        .statusCode(400)
        .body("errors[0].name", equalTo("energy_unit"));
  }
}
