package org.mlmdkb.result;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mlmdkb.testsupport.ApiTest;

/** Training-data, openness, size, year, lineage and value filters on boards and comparisons. */
@QuarkusTest
class BoardFiltersTest extends ApiTest {

  private static final Map<String, String> F1_BOARD =
      Map.of("dataset", "wbm", "subset", "full-test-set", "metric", "F1");

  private static ValidatableResponse f1Board(Map<String, String> filters) {
    Map<String, String> params = new HashMap<>(F1_BOARD);
    params.putAll(filters);
    return Boards.get(given(), params).then();
  }

  /** Methods with an F1 result on the Matbench Discovery full test set, from results.json. */
  private static Set<String> seedF1Methods() {
    Set<String> slugs = new TreeSet<>();
    SeedResults.where(
            r ->
                r.get("key").asText().startsWith("matbench-discovery:")
                    && r.get("key").asText().endsWith(":discovery:full_test_set:F1"))
        .forEach(r -> slugs.add(r.get("method").asText()));
    return slugs;
  }

  private static Set<String> rowSlugs(ValidatableResponse response) {
    return new TreeSet<>(response.extract().jsonPath().getList("rows.method.slug", String.class));
  }

  @Test
  void trainedOnlyOnMptrjListsExactlyTheModelsTrainedOnMptrjAlone() {
    Set<String> expected =
        SeedMethods.slugsWhere(m -> SeedMethods.trainingDatasets(m).equals(Set.of("mptrj")));
    expected.retainAll(seedF1Methods());
    assertTrue(expected.size() > 10, "the seed has many MPtrj-only models: " + expected);
    Set<String> listed = rowSlugs(f1Board(Map.of("trained_only_on", "mptrj")).statusCode(200));
    assertEquals(expected, listed);
  }

  @Test
  void trainedOnlyOnSeveralDatasetsKeepsModelsTrainedWithinThem() {
    Set<String> allowed = Set.of("mptrj", "salex");
    Set<String> expected =
        SeedMethods.slugsWhere(
            m ->
                !SeedMethods.trainingDatasets(m).isEmpty()
                    && allowed.containsAll(SeedMethods.trainingDatasets(m)));
    expected.retainAll(seedF1Methods());
    assertEquals(
        expected, rowSlugs(f1Board(Map.of("trained_only_on", "salex,MPtrj")).statusCode(200)));
  }

  @Test
  void trainedOnKeepsModelsTrainedOnEveryListedDataset() {
    Set<String> expected =
        SeedMethods.slugsWhere(
            m -> SeedMethods.trainingDatasets(m).containsAll(Set.of("mptrj", "omat24")));
    expected.retainAll(seedF1Methods());
    assertTrue(expected.size() > 5, expected.toString());
    assertEquals(expected, rowSlugs(f1Board(Map.of("trained_on", "mptrj,omat24")).statusCode(200)));
  }

  @Test
  void opennessOsiKeepsCodeUnderOsiLicencesOnly() {
    Set<String> expected =
        SeedMethods.slugsWhere(
            m ->
                SeedMethods.text(m, "code_url") != null
                    && SeedMethods.text(m, "license") != null
                    && Openness.OSI_LICENCES.contains(
                        SeedMethods.text(m, "license").toLowerCase(java.util.Locale.ROOT)));
    expected.retainAll(seedF1Methods());
    Set<String> listed = rowSlugs(f1Board(Map.of("openness", "osi")).statusCode(200));
    assertEquals(expected, listed);
    assertFalse(listed.contains("grace-2l-oam"), "GRACE's ASL is not an OSI licence");
  }

  @Test
  void opennessLicensedKeepsAslModels() {
    f1Board(Map.of("openness", "licensed"))
        .statusCode(200)
        .body("rows.method.slug", hasItem("grace-2l-oam"))
        .body("applied_filters.openness", equalTo("licensed"));
  }

  @Test
  void paramsRangeKeepsModelsOfThatSize() {
    Set<String> expected =
        SeedMethods.slugsWhere(
            m ->
                !m.get("parameter_count").isNull()
                    && m.get("parameter_count").asLong() >= 1_000_000
                    && m.get("parameter_count").asLong() <= 5_000_000);
    expected.retainAll(seedF1Methods());
    assertTrue(expected.size() > 3, expected.toString());
    assertEquals(expected, rowSlugs(f1Board(Map.of("params", "1000000..5000000")).statusCode(200)));
  }

  @Test
  void yearFilterKeepsMethodsOfThoseYears() {
    Set<String> expected =
        SeedMethods.slugsWhere(m -> !m.get("year").isNull() && m.get("year").asInt() <= 2023);
    expected.retainAll(seedF1Methods());
    assertEquals(expected, rowSlugs(f1Board(Map.of("year", "..2023")).statusCode(200)));
  }

  @Test
  void lineageMaceKeepsMaceAndEveryDescendant() {
    Set<String> expected = SeedMethods.lineage("mace");
    expected.retainAll(seedF1Methods());
    assertTrue(expected.contains("mace-mp-0"), expected.toString());
    assertEquals(expected, rowSlugs(f1Board(Map.of("lineage", "MACE")).statusCode(200)));
  }

  @Test
  void ranksAreGivenWithinTheFilteredBoard() {
    f1Board(Map.of("trained_only_on", "mptrj"))
        .statusCode(200)
        .body("rows[0].rank", equalTo(1))
        .body("n_rows", equalTo(seedF1Methods().size() > 0 ? rowCount("mptrj") : 0));
  }

  private static int rowCount(String onlyOn) {
    Set<String> expected =
        SeedMethods.slugsWhere(m -> SeedMethods.trainingDatasets(m).equals(Set.of(onlyOn)));
    expected.retainAll(seedF1Methods());
    return expected.size();
  }

  @Test
  void minAndMaxKeepValuesInTheBoardsUnit() {
    JsonPath body =
        given()
            .queryParam("subset", "test-600k")
            .queryParam("target", "forces")
            .queryParam("n_train", 500)
            .queryParam("per", "variant")
            .queryParam("unit", "meV/Å")
            .queryParam("min", "20")
            .queryParam("max", "40")
            .when()
            .get("/api/v1/leaderboards/{dataset}", "3bpa")
            .then()
            .statusCode(200)
            .body("applied_filters.min", equalTo(20))
            .body("applied_filters.max", equalTo(40))
            .extract()
            .jsonPath(
                JsonPathConfig.jsonPathConfig()
                    .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    List<BigDecimal> values = body.getList("rows.value", BigDecimal.class);
    assertFalse(values.isEmpty());
    for (BigDecimal v : values) {
      assertTrue(
          v.compareTo(BigDecimal.valueOf(20)) >= 0 && v.compareTo(BigDecimal.valueOf(40)) <= 0,
          v.toString());
    }
    assertEquals(1, body.getInt("rows[0].rank"));
  }

  @Test
  void everyFilterIsEchoedNormalised() {
    f1Board(
            Map.of(
                "trained_on", "MPtrj",
                "openness", "code",
                "params", "..50000000",
                "year", "2020..",
                "min", "0.5"))
        .statusCode(200)
        .body("applied_filters.dataset", equalTo("wbm"))
        .body("applied_filters.subset", equalTo("full-test-set"))
        .body("applied_filters.metric", equalTo("F1"))
        .body("applied_filters.trained_on", equalTo(List.of("mptrj")))
        .body("applied_filters.trained_only_on", equalTo(List.of()))
        .body("applied_filters.openness", equalTo("code"))
        .body("applied_filters.params.from", nullValue())
        .body("applied_filters.params.to", equalTo(50000000))
        .body("applied_filters.year.from", equalTo(2020))
        .body("applied_filters.year.to", nullValue())
        .body("applied_filters.lineage", nullValue())
        .body("applied_filters.max", nullValue());
  }

  @Test
  void unknownTrainingDatasetIs400NamingIt() {
    f1Board(Map.of("trained_on", "mptrj,no-such-data", "trained_only_on", "also-missing"))
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("no-such-data"))
        .body("detail", containsString("also-missing"))
        .body("detail", not(containsString("mptrj")))
        .body("errors.name", equalTo(List.of("trained_on", "trained_only_on")));
  }

  @Test
  void unknownLineageRootIs400NamingIt() {
    f1Board(Map.of("lineage", "not-a-method"))
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].name", equalTo("lineage"))
        .body("detail", containsString("not-a-method"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "openness|weights",
        "params|5M",
        "params|9..1",
        "params|1234567890123456789",
        "year|20..",
        "trained_on|MP trj",
        "lineage|<mace>",
        "min|abc",
        "max|1e99999999999",
        "min|2"
      })
  void malformedFilterIs400NamingTheParameter(String name, String value) {
    Map<String, String> params = new HashMap<>(Map.of(name, value));
    if (name.equals("min")) {
      params.put("max", "1");
    }
    f1Board(params)
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].name", equalTo(name));
  }

  @Test
  void methodFiltersNarrowTheIndexToBoardsCountedOverSuchMethods() {
    int all = given().when().get("/api/v1/leaderboards").then().extract().path("total");
    given()
        .queryParam("trained_only_on", "mptrj")
        .when()
        .get("/api/v1/leaderboards")
        .then()
        .statusCode(200)
        .body("total", org.hamcrest.Matchers.lessThan(all))
        .body("items.dataset.slug", org.hamcrest.Matchers.hasItem("wbm"));
  }

  @Test
  void filterThatExcludesEveryMethodIs404NoResults() {
    f1Board(Map.of("params", "..10")).statusCode(404).contentType("application/problem+json");
  }

  @Test
  void compareGivesAMethodTheFilterExcludesNullCellsAndEchoesTheFilter() {
    JsonNode mptrjOnly =
        SeedMethods.all().stream()
            .filter(m -> SeedMethods.trainingDatasets(m).equals(Set.of("mptrj")))
            .filter(m -> seedF1Methods().contains(m.get("slug").asText()))
            .findFirst()
            .orElseThrow();
    String kept = mptrjOnly.get("slug").asText();
    given()
        .queryParam("methods", kept + ",grace-2l-oam")
        .queryParam("dataset", "wbm")
        .queryParam("metric", "F1")
        .queryParam("trained_only_on", "mptrj")
        .when()
        .get("/api/v1/compare")
        .then()
        .statusCode(200)
        .body("applied_filters.trained_only_on", equalTo(List.of("mptrj")))
        .body("rows[0].cells", everyItem(not(nullValue())))
        .body("rows[1].cells", everyItem(nullValue()));
  }
}
