package org.mlmdkb.result;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlmdkb.testsupport.ApiTest;

@QuarkusTest
class LeaderboardResourceTest extends ApiTest {

  // Exact decimals: the acceptance checks compare values digit by digit.
  private static final RestAssuredConfig DECIMALS =
      RestAssuredConfig.config()
          .jsonConfig(
              JsonConfig.jsonConfig()
                  .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

  @Inject AgroalDataSource dataSource;

  private static ValidatableResponse board(Map<String, ?> params) {
    return Boards.get(given().config(DECIMALS), params).then();
  }

  @Test
  void matbenchDiscoveryF1RanksModelsInTheSourceOrder() {
    List<JsonNode> source =
        SeedResults.where(
            r ->
                r.get("key").asText().startsWith("matbench-discovery:")
                    && r.get("key").asText().endsWith(":discovery:full_test_set:F1"));
    List<BigDecimal> expected =
        source.stream()
            .map(r -> new BigDecimal(r.get("value").asText()))
            .sorted(Comparator.reverseOrder())
            .toList();
    JsonPath body =
        board(Map.of("dataset", "wbm", "subset", "full-test-set", "metric", "F1"))
            .statusCode(200)
            .contentType("application/json")
            .body("direction", equalTo("higher_is_better"))
            .body("kind", equalTo("score"))
            .body("unit", equalTo("1"))
            .body("fingerprint.metric", equalTo("F1"))
            .body("other_fingerprints", empty())
            .body("rows[0].method.slug", equalTo("equiformer-v3-oam"))
            .body("rows[0].rank", equalTo(1))
            .extract()
            .jsonPath(
                JsonPathConfig.jsonPathConfig()
                    .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    List<BigDecimal> values = body.getList("rows.value", BigDecimal.class);
    assertEquals(expected.size(), values.size());
    for (int i = 0; i < values.size(); i++) {
      assertEquals(0, expected.get(i).compareTo(values.get(i)), "row " + i);
    }
  }

  @Test
  void threeBpaAt600KWithFiveHundredTrainingStructuresRanksVariantsInMeVPerAngstrom() {
    List<JsonNode> source =
        SeedResults.where(
            r ->
                "3bpa".equals(SeedResults.text(r, "dataset"))
                    && "test-600k".equals(SeedResults.text(r, "subset"))
                    && "forces".equals(SeedResults.text(r, "target"))
                    && r.get("n_train").asInt() == 500);
    // Best per (method, variant), in eV/Å as the CSVs give them, ascending: lower is better.
    Map<String, BigDecimal> best = new java.util.TreeMap<>();
    for (JsonNode r : source) {
      String variant = r.get("method").asText() + "/" + r.get("method_variant").asText();
      BigDecimal v = new BigDecimal(r.get("value").asText());
      best.merge(variant, v, BigDecimal::min);
    }
    List<Map.Entry<String, BigDecimal>> expected =
        best.entrySet().stream().sorted(Map.Entry.comparingByValue()).toList();
    JsonPath body =
        board(
                Map.of(
                    "dataset", "3bpa",
                    "subset", "test-600k",
                    "target", "forces",
                    "n_train", 500,
                    "unit", "meV/Å",
                    "per", "variant"))
            .statusCode(200)
            .body("unit", equalTo("meV/Å"))
            .body("direction", equalTo("lower_is_better"))
            .body("fingerprint.temperature_k", equalTo(600))
            .body("rows.reported_unit", everyItem(equalTo("eV/Å")))
            .extract()
            .jsonPath(
                JsonPathConfig.jsonPathConfig()
                    .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    List<String> methods = body.getList("rows.method.slug", String.class);
    List<String> variants = body.getList("rows.method_variant", String.class);
    List<BigDecimal> values = body.getList("rows.value", BigDecimal.class);
    assertEquals(expected.size(), values.size());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i).getKey(), methods.get(i) + "/" + variants.get(i), "row " + i);
      assertEquals(
          0, expected.get(i).getValue().movePointRight(3).compareTo(values.get(i)), "row " + i);
    }
    assertEquals("mace/v2-amsgrad", expected.get(0).getKey());
  }

  @Test
  void bestResultPerMethodIsTheDefault() {
    board(
            Map.of(
                "dataset", "3bpa",
                "subset", "test-600k",
                "target", "forces",
                "n_train", 500,
                "unit", "meV/Å"))
        .statusCode(200)
        .body("rows.method.slug", equalTo(List.of("mace", "nequip")))
        .body("rows.method_variant", equalTo(List.of("v2-amsgrad", "4-layer")))
        .body("rows.rank", equalTo(List.of(1, 2)))
        .body("rows[0].value", equalTo(new BigDecimal("26.727231219410896")));
  }

  @Test
  void energyMetricAskedInMeVPerAngstromIs400ProblemExplainingTheMismatch() {
    board(Map.of("dataset", "3bpa", "subset", "test-600k", "target", "energy", "unit", "meV/Å"))
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:mlmd-kb:problem:incompatible-units"))
        .body("detail", containsString("eV/atom (energy per atom)"))
        .body("detail", containsString("meV/Å (force)"))
        .body("errors[0].name", equalTo("unit"))
        .body("errors[0].in", equalTo("query"));
  }

  @Test
  void perAtomEnergyAskedPerStructureIs400ProblemExplainingTheBasis() {
    board(Map.of("dataset", "3bpa", "subset", "test-600k", "target", "energy", "unit", "eV"))
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("per-atom and per-structure"));
  }

  @Test
  void kgcnnForceMaeInKcalPerMolAngstromReadsInMeVPerAngstrom() {
    // PAiNN on aspirin (CCSD): 0.8550565242767334 kcal/mol/Å × 43.36410424180094 meV per kcal/mol.
    board(Map.of("dataset", "md17", "subset", "aspirin-ccsd", "target", "forces", "unit", "meV/Å"))
        .statusCode(200)
        .body("rows.method.slug", equalTo(List.of("painn", "schnet")))
        .body("rows[0].reported_unit", equalTo("kcal/mol/Å"))
        .body("rows[0].reported_value", equalTo(new BigDecimal("0.8550565242767334")))
        .body("rows[0].value", equalTo(new BigDecimal("37.07876025136826")))
        .body("rows[0].status", equalTo("reproduced"));
  }

  @Test
  void efwtPercentagesStayInPercentByDefault() {
    List<BigDecimal> reported =
        SeedResults.where(
                r ->
                    "EFwT".equals(SeedResults.text(r, "metric"))
                        && "All+MD".equals(SeedResults.text(r, "split")))
            .stream()
            .map(r -> new BigDecimal(r.get("value").asText()))
            .toList();
    board(Map.of("dataset", "oc20", "metric", "EFwT", "split", "All+MD"))
        .statusCode(200)
        .body("unit", equalTo("%"))
        .body("kind", equalTo("rate"))
        .body("direction", equalTo("higher_is_better"))
        .body("rows[0].value", equalTo(reported.stream().max(BigDecimal::compareTo).orElseThrow()));
  }

  @Test
  void efwtConvertsToAFraction() {
    board(Map.of("dataset", "oc20", "metric", "EFwT", "split", "All+MD", "unit", "1"))
        .statusCode(200)
        .body("unit", equalTo("1"))
        .body("rows[0].reported_value", equalTo(new BigDecimal("8.9")))
        .body("rows[0].value", equalTo(new BigDecimal("0.089")));
  }

  @Test
  void otherFingerprintsAreListedNotMixedIn() {
    JsonPath body =
        board(Map.of("dataset", "3bpa", "subset", "test-600k", "target", "forces"))
            .statusCode(200)
            .extract()
            .jsonPath();
    Set<Integer> nTrain = new HashSet<>(body.getList("other_fingerprints.fingerprint.n_train"));
    nTrain.add(body.getInt("fingerprint.n_train"));
    assertEquals(Set.of(5, 25, 125, 250, 500), nTrain);
    assertEquals(4, body.getList("other_fingerprints").size());
    assertTrue(
        body.getList("rows.n_train", Integer.class).stream()
            .allMatch(n -> n == body.getInt("fingerprint.n_train")));
  }

  @Test
  void overlappingUncertaintiesAreMarkedTiedAndShareTheRank() {
    JsonPath body =
        board(Map.of("dataset", "mlip-arena-eos-bulk", "metric", "tortuosity"))
            .statusCode(200)
            .extract()
            .jsonPath(
                JsonPathConfig.jsonPathConfig()
                    .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    List<BigDecimal> values = body.getList("rows.value", BigDecimal.class);
    List<BigDecimal> errors = body.getList("rows.uncertainty", BigDecimal.class);
    List<Boolean> tied = body.getList("rows.tied", Boolean.class);
    List<Integer> ranks = body.getList("rows.rank", Integer.class);
    assertEquals(false, tied.get(0));
    for (int i = 1; i < values.size(); i++) {
      boolean overlap =
          values
                  .get(i)
                  .subtract(values.get(i - 1))
                  .abs()
                  .compareTo(errors.get(i).add(errors.get(i - 1)))
              <= 0;
      assertEquals(overlap, tied.get(i), "row " + i);
      assertEquals(overlap ? ranks.get(i - 1) : Integer.valueOf(i + 1), ranks.get(i), "row " + i);
    }
    assertTrue(tied.contains(true), "the EOS tortuosity board has overlapping rows");
  }

  @Test
  void statusFilterKeepsOnlyThatVerificationState() {
    board(
            Map.of(
                "dataset",
                "md17",
                "subset",
                "aspirin-ccsd",
                "target",
                "forces",
                "status",
                "disputed"))
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void everyRowCarriesItsVerificationStateAndSource() {
    board(Map.of("dataset", "oc20", "target", "forces", "split", "All"))
        .statusCode(200)
        .body("rows.status", everyItem(equalTo("reported")))
        .body("rows.provenance.source", everyItem(equalTo("fairchem")))
        .body("rows.provenance.path", everyItem(equalTo("docs/core/model_checkpoints.md")));
  }

  @Test
  void metricWithoutDirectionIsListedUnranked() {
    board(Map.of("dataset", "wbm", "metric", "n_structures (symprec=1e-5)"))
        .statusCode(200)
        .body("direction", equalTo("none"))
        .body("rows.rank", everyItem(nullValue()));
  }

  @Test
  void asOfShowsOnlyResultsPublishedByThatDate() {
    LocalDate asOf = LocalDate.parse("2023-01-01");
    long expected =
        SeedResults.where(
                r ->
                    r.get("key").asText().endsWith(":discovery:full_test_set:F1")
                        && !LocalDate.parse(r.get("reported_on").asText()).isAfter(asOf))
            .size();
    JsonPath body =
        board(
                Map.of(
                    "dataset",
                    "wbm",
                    "subset",
                    "full-test-set",
                    "metric",
                    "F1",
                    "as_of",
                    "2023-01-01"))
            .statusCode(200)
            .body("as_of", equalTo("2023-01-01"))
            .body("rows[0].method.slug", equalTo("m3gnet"))
            .extract()
            .jsonPath();
    assertEquals(expected, body.getList("rows").size());
    assertTrue(
        body.getList("rows.reported_on", String.class).stream()
            .allMatch(d -> !LocalDate.parse(d).isAfter(asOf)));
  }

  /**
   * With a target and a metric, as_of boards read live_benchmark_board_as_of (V187); without a
   * target, live_benchmark_result_as_of (V172). Both must place versions alike.
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void asOfShowsACorrectedResultAsItStoodBeforeTheCorrection(boolean namingTheTarget)
      throws Exception {
    String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          """
          INSERT INTO benchmark_result (seed_key, method_id, dataset_id, subset_id, task, target,
              metric, value, unit, canonical_value, canonical_unit, basis, status, reported_on)
          SELECT 'test:history-probe', method_id, dataset_id, subset_id, task, target,
              'history-probe', 0.5, '1', 0.5, '1', 'none', 'reported', DATE '2020-01-01'
          FROM benchmark_result
          WHERE seed_key = 'matbench-discovery:mace-mp-0:discovery:full_test_set:F1'
          """);
      s.executeUpdate(
          "UPDATE benchmark_result SET value = 0.7, canonical_value = 0.7"
              + " WHERE seed_key = 'test:history-probe'");
    }
    try {
      board(probeBoard("history-probe", namingTheTarget, yesterday))
          .statusCode(200)
          .body("rows[0].value", equalTo(new BigDecimal("0.5")));
      board(probeBoard("history-probe", namingTheTarget, null))
          .statusCode(200)
          .body("rows[0].value", equalTo(new BigDecimal("0.7")));
    } finally {
      try (Connection c = dataSource.getConnection();
          Statement s = c.createStatement()) {
        s.executeUpdate("DELETE FROM benchmark_result WHERE seed_key = 'test:history-probe'");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void asOfKeepsAResultOnTheBoardItWasOnBeforeItMoved(boolean namingTheTarget) throws Exception {
    String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          """
          INSERT INTO benchmark_result (seed_key, method_id, dataset_id, subset_id, task, target,
              metric, value, unit, canonical_value, canonical_unit, basis, status, reported_on)
          SELECT 'test:moved-probe', method_id, dataset_id, subset_id, task, target,
              'moved-probe-before', 0.5, '1', 0.5, '1', 'none', 'reported', DATE '2020-01-01'
          FROM benchmark_result
          WHERE seed_key = 'matbench-discovery:mace-mp-0:discovery:full_test_set:F1'
          """);
      // Only the history remembers the board the result was on: its current row is elsewhere.
      s.executeUpdate(
          "UPDATE benchmark_result SET metric = 'moved-probe-after'"
              + " WHERE seed_key = 'test:moved-probe'");
    }
    try {
      board(probeBoard("moved-probe-before", namingTheTarget, yesterday))
          .statusCode(200)
          .body("rows.method.slug", org.hamcrest.Matchers.contains("mace-mp-0"))
          .body("rows[0].value", equalTo(new BigDecimal("0.5")));
      board(probeBoard("moved-probe-after", namingTheTarget, yesterday)).statusCode(404);
      board(probeBoard("moved-probe-before", namingTheTarget, null)).statusCode(404);
    } finally {
      try (Connection c = dataSource.getConnection();
          Statement s = c.createStatement()) {
        s.executeUpdate("DELETE FROM benchmark_result WHERE seed_key = 'test:moved-probe'");
      }
    }
  }

  /**
   * A probe's board on wbm by its metric, as of {@code asOf} when given; with the target of the row
   * the probe was copied from when {@code namingTheTarget}.
   */
  private Map<String, String> probeBoard(String metric, boolean namingTheTarget, String asOf)
      throws Exception {
    Map<String, String> params = new HashMap<>(Map.of("dataset", "wbm", "metric", metric));
    if (namingTheTarget) {
      try (Connection c = dataSource.getConnection();
          Statement s = c.createStatement();
          var rs =
              s.executeQuery(
                  "SELECT target FROM benchmark_result"
                      + " WHERE seed_key = 'matbench-discovery:mace-mp-0:discovery:full_test_set:F1'")) {
        assertTrue(rs.next());
        params.put("target", rs.getString(1));
      }
    }
    if (asOf != null) {
      params.put("as_of", asOf);
    }
    return params;
  }

  @ParameterizedTest
  @CsvSource({"format,csv,", ",,text/csv"})
  void exportsCsvWithOneHeaderRowCarryingUnits(String param, String value, String accept)
      throws Exception {
    var request =
        given()
            .queryParam("subset", "test-600k")
            .queryParam("target", "forces")
            .queryParam("n_train", 500)
            .queryParam("unit", "meV/Å");
    if (param != null) {
      request.queryParam(param, value);
    }
    if (accept != null) {
      request.accept(accept);
    }
    String body =
        request
            .when()
            .get("/api/v1/leaderboards/{dataset}", "3bpa")
            .then()
            .statusCode(200)
            .contentType(startsWith("text/csv"))
            .header("Content-Disposition", containsString("leaderboard.csv"))
            .extract()
            .asString();
    assertTrue(body.startsWith("\uFEFF"), "a byte order mark for spreadsheets");
    List<CSVRecord> records =
        CSVFormat.RFC4180.parse(new StringReader(body.substring(1))).getRecords();
    assertEquals(
        List.of("rank", "tied", "method", "method_variant", "value [meV/Å]", "uncertainty [meV/Å]"),
        records.get(0).toList().subList(0, 6));
    assertEquals(3, records.size());
    assertEquals("mace", records.get(1).get(2));
    assertEquals("26.727231219410896", records.get(1).get(4));
  }

  @Test
  void csvWithoutDatasetIsTheIndexOneBoardPerRow() throws Exception {
    String body =
        given()
            .queryParam("format", "csv")
            .when()
            .get("/api/v1/leaderboards")
            .then()
            .statusCode(200)
            .contentType(startsWith("text/csv"))
            .extract()
            .asString();
    List<CSVRecord> records =
        CSVFormat.RFC4180.parse(new StringReader(body.substring(1))).getRecords();
    assertEquals(
        List.of("dataset", "subset", "task", "target", "metric"),
        records.get(0).toList().subList(0, 5));
    int boards = given().get("/api/v1/leaderboards").then().extract().path("total");
    assertEquals(boards + 1, records.size());
  }

  @ParameterizedTest
  @CsvSource({"unit,meV", "min,1", "max,1", "limit,5", "per,variant", "format,svg"})
  void boardParametersOnTheIndexAre400NamingThem(String name, String value) {
    given()
        .queryParam(name, value)
        .when()
        .get("/api/v1/leaderboards")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].name", equalTo(name));
  }

  @Test
  void theEarlierBoardAddressRedirectsToTheBoardsPathKeepingTheOtherParameters() {
    String location =
        given()
            .redirects()
            .follow(false)
            .queryParam("dataset", "3bpa")
            .queryParam("target", "forces")
            .queryParam("n_train", 500)
            .when()
            .get("/api/v1/leaderboards")
            .then()
            .statusCode(308)
            .extract()
            .header("Location");
    java.net.URI uri = java.net.URI.create(location);
    assertEquals("/api/v1/leaderboards/3bpa", uri.getPath());
    assertEquals(
        java.util.Set.of("target=forces", "n_train=500"),
        java.util.Set.of(uri.getQuery().split("&")));
  }

  @Test
  void theEarlierAddressWithADatasetThatIsNoSlugIs404NotARedirect() {
    given()
        .redirects()
        .follow(false)
        .queryParam("dataset", "{\"$ne\":null}")
        .when()
        .get("/api/v1/leaderboards")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("errors[0].name", equalTo("dataset"));
  }

  @Test
  void indexFieldsKeepTheBoardsIdentity() {
    given()
        .queryParam("fields", "n_methods")
        .when()
        .get("/api/v1/leaderboards")
        .then()
        .statusCode(200)
        .body(
            "items[0].keySet()",
            equalTo(java.util.Set.of("dataset", "subset", "task", "target", "metric", "n_methods")))
        .body("total", org.hamcrest.Matchers.greaterThan(0));
  }

  @Test
  void unknownIndexFieldIs400ListingTheSelectableOnes() {
    given()
        .queryParam("fields", "rank")
        .when()
        .get("/api/v1/leaderboards")
        .then()
        .statusCode(400)
        .body("errors[0].name", equalTo("fields"))
        .body("detail", containsString("n_results"));
  }

  @Test
  void withoutDatasetListsTheAvailableBoards() {
    given()
        .when()
        .get("/api/v1/leaderboards")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body("items.metric", hasItem("F1"))
        .body(
            "items.find { it.dataset.slug == 'wbm' && it.subset?.slug == 'full-test-set' && it.metric == 'F1' }.direction",
            equalTo("higher_is_better"))
        .body(
            "items.find { it.dataset.slug == '3bpa' && it.subset?.slug == 'test-600k' && it.target == 'forces' }.n_fingerprints",
            equalTo(5));
  }

  @Test
  void unknownDatasetIs404ProblemNamingItInThePath() {
    board(Map.of("dataset", "no-such-dataset"))
        .statusCode(404)
        .contentType("application/problem+json")
        .body("errors[0].name", equalTo("dataset"))
        .body("errors[0].in", equalTo("path"));
  }

  @Test
  void noMatchingResultIs404Problem() {
    board(Map.of("dataset", "wbm", "metric", "no-such-metric"))
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", not(empty()));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "unit|furlongs",
        "as_of|2024-13-01",
        "as_of|yesterday",
        "n_train|abc",
        "n_train|0",
        "temperature_k|hot",
        "status|verified",
        "basis|per-molecule",
        "format|xml",
        "per|paper",
        "colour|red"
      })
  void badParameterIs400ProblemNamingIt(String name, String value) {
    given()
        .queryParam(name, value)
        .when()
        .get("/api/v1/leaderboards/{dataset}", "3bpa")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].name", equalTo(name))
        .body("errors[0].in", equalTo("query"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "temperature_k| 300",
        "temperature_k|\uFF13\uFF10\uFF10",
        "temperature_k|300\u0000",
        "as_of|\u0000",
        "as_of|\uFF12025-01-01",
        "as_of|2025-01-01 "
      },
      ignoreLeadingAndTrailingWhitespace = false)
  void indexFilterWrittenOtherThanAsciiDigitsIs400NamingIt(String name, String value) {
    given()
        .queryParam(name, value)
        .get("/api/v1/leaderboards")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].name", equalTo(name));
  }
}
