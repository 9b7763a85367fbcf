package org.mlmdkb.search.semantic;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlmdkb.curation.CurationFixtures;
import org.mlmdkb.search.SearchIndex;
import org.mlmdkb.testsupport.ApiTest;
import org.mlmdkb.testsupport.ClauseLimitQuery;
import org.mlmdkb.testsupport.SemanticTestSupport;

@QuarkusTest
class SemanticSearchTest extends ApiTest {

  private static final String STABILITY = "stability of learned force fields in long simulations";

  @Inject TextEmbedder embedder;
  @Inject EmbeddingWorker worker;
  @Inject SearchIndex index;

  @BeforeEach
  void corpusIsEmbedded() throws InterruptedException {
    SemanticTestSupport.awaitEmbedded(embedder, worker, index);
  }

  private static JsonPath search(Map<String, ?> params) {
    return given()
        .queryParams(params)
        .when()
        .get("/api/v1/search")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .extract()
        .jsonPath();
  }

  private static List<String> titles(JsonPath page) {
    return page.getList("items.title", String.class).stream()
        .map(t -> t.toLowerCase(Locale.ROOT))
        .toList();
  }

  @Test
  void semanticSearchPutsPapersOnMdStabilityOfLearnedForceFieldsInTheTopTen() {
    List<String> top =
        titles(search(Map.of("q", STABILITY, "mode", "semantic", "type", "paper", "limit", 10)));
    // Benchmarks ML force fields by the stability of the simulations they run, not their errors.
    assertTrue(top.stream().anyMatch(t -> t.startsWith("forces are not enough")), top.toString());
    assertTrue(
        top.stream()
            .anyMatch(t -> t.startsWith("towards exact molecular dynamics simulations with")),
        top.toString());
  }

  @Test
  void theAnswerSaysWhichModeRanAndWhereSearchByMeaningStands() {
    JsonPath page = search(Map.of("q", STABILITY, "mode", "hybrid"));
    assertEquals("hybrid", page.getString("mode"));
    assertEquals("ready", page.getString("semantic.state"));
    assertTrue(page.getLong("semantic.items_with_vectors") > 1900);
    assertTrue(page.getString("semantic.model").startsWith("all-minilm-l6-v2-q sha256:"));
  }

  @Test
  void withoutAModeTheConfiguredDefaultRunsAndIsReported() {
    // The test profile keeps keyword search as the default (application.properties).
    assertEquals("keyword", search(Map.of("q", STABILITY)).getString("mode"));
  }

  @Test
  void semanticHitsAreTheNearestItemsByCosineBestFirst() {
    List<Float> scores =
        search(Map.of("q", STABILITY, "mode", "semantic", "limit", 20))
            .getList("items.score", Float.class);
    assertEquals(20, scores.size());
    for (int i = 1; i < scores.size(); i++) {
      assertTrue(scores.get(i - 1) >= scores.get(i), scores.toString());
    }
    assertTrue(scores.get(0) > 0.5f && scores.get(0) <= 1f, scores.toString());
  }

  @Test
  void hybridSearchAppliesPaperFiltersAndCountsFacetsOverItsHits() {
    JsonPath page =
        search(
            Map.of("q", STABILITY, "mode", "hybrid", "year", "2020..2022", "facets", "year,type"));
    List<String> years = page.getList("facets.year.value", String.class);
    assertFalse(years.isEmpty());
    years.forEach(y -> assertTrue(y.compareTo("2020") >= 0 && y.compareTo("2022") <= 0, y));
    assertEquals(List.of("paper"), page.getList("facets.type.value", String.class));
    long counted = page.getList("facets.year.count", Long.class).stream().mapToLong(c -> c).sum();
    assertEquals(page.getLong("total"), counted);
  }

  @Test
  void semanticSearchKeepsToTheTypesAskedFor() {
    JsonPath page =
        search(Map.of("q", "equivariant message passing", "mode", "semantic", "type", "method"));
    Set<String> types = new HashSet<>(page.getList("items.type", String.class));
    assertEquals(Set.of("method"), types);
  }

  @Test
  void exclusionsFilterHitsFoundByMeaning() {
    List<String> top =
        titles(
            search(
                Map.of(
                    "q", "equivariant features -networks", "mode", "semantic", "type", "paper")));
    assertFalse(top.isEmpty());
    // The exclusion matches as keyword search does: the word, stemmed (network, networks).
    top.forEach(t -> assertFalse(t.matches(".*\\bnetworks?\\b.*"), t));
  }

  @Test
  void semanticPagesFollowEachOtherWithoutRepeats() {
    JsonPath first = search(Map.of("q", STABILITY, "mode", "semantic", "limit", 10));
    JsonPath second =
        search(
            Map.of(
                "q",
                STABILITY,
                "mode",
                "semantic",
                "limit",
                10,
                "cursor",
                first.getString("next_cursor")));
    Set<String> ids = new HashSet<>(first.getList("items.id", String.class));
    second.getList("items.id", String.class).forEach(id -> assertTrue(ids.add(id), id));
    assertEquals(20, ids.size());
  }

  @Test
  void aSemanticQueryOfExclusionsOnlyIs400NamingQ() {
    given()
        .queryParam("q", "-water")
        .queryParam("mode", "semantic")
        .when()
        .get("/api/v1/search")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].name", equalTo("q"));
  }

  @Test
  void aHugeSemanticQueryIs400NamingQ() {
    given()
        .queryParam("q", "force field ".repeat(60))
        .queryParam("mode", "semantic")
        .when()
        .get("/api/v1/search")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].name", equalTo("q"));
  }

  @Test
  void aHybridQueryExpandingPastTheClauseLimitIs400NamingQWhileItsOtherPartsRanBeside() {
    // The keyword ranking fails (past Lucene's 1,024 clauses) while the embedding, the nearest
    // items and the keyword count run on side lanes: the answer is the ranking's 400.
    String q = ClauseLimitQuery.text();
    for (String path : List.of("/api/v1/search", "/api/v1/papers")) {
      given()
          .queryParam("q", q)
          .queryParam("mode", "hybrid")
          .when()
          .get(path)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].name", equalTo("q"))
          .body("errors[0].message", containsString("too many alternatives"));
    }
  }

  @Test
  void anUnknownModeIs400NamingMode() {
    given()
        .queryParam("q", "water")
        .queryParam("mode", "vector")
        .when()
        .get("/api/v1/search")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].name", equalTo("mode"));
  }

  @Test
  void thePaperListRanksQByMeaningAndSaysSoInAHeader() {
    List<String> top =
        given()
            .queryParam("q", STABILITY)
            .queryParam("mode", "semantic")
            .queryParam("limit", 10)
            .when()
            .get("/api/v1/papers")
            .then()
            .statusCode(200)
            .header("Search-Mode", "semantic")
            .extract()
            .jsonPath()
            .getList("items.title", String.class);
    assertTrue(
        top.stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).startsWith("forces are not enough")),
        top.toString());
  }

  @Test
  void thePaperListInHybridModeKeepsItsFiltersAndPagesStably() {
    JsonPath first =
        given()
            .queryParam("q", "neural network potential for liquid water")
            .queryParam("mode", "hybrid")
            .queryParam("year", "2015..")
            .queryParam("limit", 5)
            .when()
            .get("/api/v1/papers")
            .then()
            .statusCode(200)
            .header("Search-Mode", "hybrid")
            .body("total", greaterThan(5))
            .extract()
            .jsonPath();
    first.getList("items.year", Integer.class).forEach(y -> assertTrue(y >= 2015, "" + y));
    List<Integer> next =
        given()
            .queryParam("q", "neural network potential for liquid water")
            .queryParam("mode", "hybrid")
            .queryParam("year", "2015..")
            .queryParam("limit", 5)
            .queryParam("cursor", first.getString("next_cursor"))
            .when()
            .get("/api/v1/papers")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items.id", Integer.class);
    List<Integer> seen = first.getList("items.id", Integer.class);
    next.forEach(id -> assertFalse(seen.contains(id), "" + id));
  }

  @Test
  void aModeWithoutQOnThePaperListHasNothingToRankAndIsAccepted() {
    given()
        .queryParam("mode", "semantic")
        .when()
        .get("/api/v1/papers")
        .then()
        .statusCode(200)
        .header("Search-Mode", org.hamcrest.Matchers.nullValue())
        .body("items", org.hamcrest.Matchers.not(org.hamcrest.Matchers.empty()));
  }

  @Test
  void anUnknownModeWithoutQIsStill400NamingMode() {
    given()
        .queryParam("mode", "fuzzy")
        .when()
        .get("/api/v1/papers")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].name", equalTo("mode"));
  }

  @Test
  void aNewPaperIsEmbeddedAfterItsWriteAndFoundByMeaning() throws InterruptedException {
    long before = embedder.itemTextsEmbedded();
    int id =
        CurationFixtures.createdPaperId(
            Map.of(
                "entry_type",
                "article",
                "title",
                "Quokka colonies on Rottnest Island: a census of marsupial burrows"));
    SemanticTestSupport.awaitEmbedded(embedder, worker, index);
    assertEquals(before + 1, embedder.itemTextsEmbedded());
    List<String> ids =
        search(
                Map.of(
                    "q", "counting small wallabies living in holes on an island",
                    "mode", "semantic",
                    "type", "paper",
                    "limit", 3))
            .getList("items.id", String.class);
    assertEquals(Integer.toString(id), ids.get(0));
  }
}
