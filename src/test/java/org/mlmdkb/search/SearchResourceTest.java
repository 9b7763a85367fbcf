package org.mlmdkb.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlmdkb.curation.CurationFixtures.createdPaperId;
import static org.mlmdkb.curation.CurationFixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlmdkb.search.semantic.EmbeddingWorker;
import org.mlmdkb.search.semantic.TextEmbedder;
import org.mlmdkb.testsupport.ApiTest;
import org.mlmdkb.testsupport.ClauseLimitQuery;
import org.mlmdkb.testsupport.SemanticTestSupport;

@QuarkusTest
class SearchResourceTest extends ApiTest {

  @Inject TextEmbedder embedder;
  @Inject EmbeddingWorker worker;
  @Inject SearchIndex index;

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

  private static List<String> topKeys(JsonPath page, int n) {
    List<String> types = page.getList("items.type", String.class);
    List<String> ids = page.getList("items.id", String.class);
    List<String> titles = page.getList("items.title", String.class);
    return java.util.stream.IntStream.range(0, Math.min(n, types.size()))
        .mapToObj(
            i ->
                types.get(i).equals("paper")
                    ? "paper:" + titles.get(i).toLowerCase(Locale.ROOT)
                    : types.get(i) + ":" + ids.get(i))
        .toList();
  }

  @Test
  void nequipRanksTheNequipMethodAndItsPaperInTheTopThree() {
    List<String> top = topKeys(search(Map.of("q", "nequip")), 3);
    assertTrue(top.contains("method:nequip"), top.toString());
    assertTrue(
        top.stream().anyMatch(k -> k.startsWith("paper:e(3)-equivariant graph neural networks")),
        top.toString());
  }

  @Test
  void misspeltWordIsCorrectedAndSaidSo() {
    JsonPath page = search(Map.of("q", "equivarient potentials"));
    assertEquals("equivariant potentials", page.getString("did_you_mean"));
    assertEquals("equivarient", page.getString("corrections[0].from"));
    assertEquals("equivariant", page.getString("corrections[0].to"));
    List<String> titles = page.getList("items.title", String.class);
    List<String> snippets = page.getList("items.snippet", String.class);
    assertTrue(titles.size() >= 5, titles.toString());
    for (int i = 0; i < 5; i++) {
      String text = (titles.get(i) + " " + snippets.get(i)).toLowerCase(Locale.ROOT);
      assertTrue(
          text.contains("<mark>equivariant</mark>"), titles.get(i) + " / " + snippets.get(i));
    }
    // The best hits carry both words in the title.
    for (int i = 0; i < 3; i++) {
      String title = titles.get(i).toLowerCase(Locale.ROOT);
      assertTrue(title.contains("equivariant") && title.contains("potential"), title);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"rMD17", "revised MD17", "rmd17", "RMD-17"})
  void rmd17IdentifierFormsReturnTheDatasetFirst(String q) {
    JsonPath page = search(Map.of("q", q));
    assertEquals("dataset", page.getString("items[0].type"), q);
    assertEquals("rmd17", page.getString("items[0].id"), q);
  }

  @Test
  void quotedPhraseWithExclusionLeavesOutExcludedWord() {
    JsonPath page = search(Map.of("q", "\"message passing\" -equivariant", "limit", 100));
    List<String> titles = page.getList("items.title", String.class);
    List<String> snippets = page.getList("items.snippet", String.class);
    assertTrue(page.getInt("total") > 0);
    for (int i = 0; i < titles.size(); i++) {
      String text = (titles.get(i) + " " + snippets.get(i)).toLowerCase(Locale.ROOT);
      assertTrue(!text.contains("equivariant"), titles.get(i));
    }
    assertTrue(
        titles.stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).contains("message passing")));
  }

  @Test
  void orMatchesEitherTerm() {
    int schnet = search(Map.of("q", "schnet", "type", "paper")).getInt("total");
    int painn = search(Map.of("q", "painn", "type", "paper")).getInt("total");
    int either = search(Map.of("q", "schnet OR painn", "type", "paper")).getInt("total");
    assertTrue(either >= Math.max(schnet, painn) && either <= schnet + painn);
  }

  /** The relevance test set: each query must have the listed items in its top 10. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "nequip | method:nequip",
        "NequIP | method:nequip",
        "MACE-MP-0 | method:mace-mp-0",
        "mace mp | method:mace-mp-0",
        "3BPA | dataset:3bpa",
        "eqV2 | method:equiformer-v2",
        "shnet | method:schnet",
        "SchNet | method:schnet",
        "OC20 | dataset:oc20",
        "Open Catalyst 2020 | dataset:oc20",
        "atomic cluster expansion | method:ace",
        "linear atomic cluster expansion | paper:linear atomic cluster expansion force fields for"
            + " organic molecules: beyond rmse",
        "MLIP long-range | paper:machine learning interatomic potentials and long-range physics",
        "machine learned interatomic potentials data generation | paper:optimal data generation"
            + " for machine learned interatomic potentials",
        "GNN hamiltonian | paper:graph neural network for hamiltonian-based material property"
            + " prediction",
        "DFT corrections water | paper:machine-learning approach for one- and two-body"
            + " corrections to density functional theory: applications to molecular and condensed"
            + " water",
        "MPNN uncertainty ensembles | paper:calibrated uncertainty for molecular property"
            + " prediction using ensembles of message passing neural networks",
        "E(3) equivariant message passing | paper:geometric and physical quantities improve e(3)"
            + " equivariant message passing",
        "MACE higher order | paper:mace: higher order equivariant message passing neural networks"
            + " for fast and accurate force fields",
        "Materials Project trajectory | dataset:mptrj",
        "Gaussian Approximation Potential | method:gap",
      })
  void relevanceSetItemsAppearInTopTen(String q, String expected) {
    List<String> top = topKeys(search(Map.of("q", q.strip())), 10);
    assertTrue(top.contains(expected.strip()), q + " → " + top);
  }

  @Test
  void exactDatasetNameRanksAboveTextMatches() {
    JsonPath page = search(Map.of("q", "3BPA"));
    assertEquals("dataset:3bpa", topKeys(page, 1).get(0));
  }

  @Test
  void snippetIsEscapedAndMarksMatchedTerms() {
    JsonPath page = search(Map.of("q", "equivariant", "type", "paper", "limit", 5));
    for (String snippet : page.getList("items.snippet", String.class)) {
      assertTrue(snippet.contains("<mark>"), snippet);
      assertTrue(!snippet.replace("<mark>", "").replace("</mark>", "").contains("<"), snippet);
    }
  }

  @Test
  void acronymIsExpandedAndReported() {
    given()
        .queryParam("q", "GNN")
        .when()
        .get("/api/v1/search")
        .then()
        .statusCode(200)
        .body("expansions[0]", containsString("graph neural network"))
        .body("total", greaterThan(10));
  }

  @Test
  void typeRestrictsHits() {
    given()
        .queryParam("q", "equivariant")
        .queryParam("type", "method,dataset")
        .when()
        .get("/api/v1/search")
        .then()
        .statusCode(200)
        .body("items.type", everyItem(org.hamcrest.Matchers.in(List.of("method", "dataset"))));
  }

  @Test
  void yearFacetCountsEqualTotalsOfFilteredSearch() {
    JsonPath page = search(Map.of("q", "equivariant", "facets", "year,type", "facet_limit", 3));
    List<Map<String, Object>> years = page.getList("facets.year");
    assertTrue(!years.isEmpty());
    for (Map<String, Object> y : years) {
      int filtered = search(Map.of("q", "equivariant", "year", y.get("value"))).getInt("total");
      assertEquals(((Number) y.get("count")).intValue(), filtered, "year " + y.get("value"));
    }
    List<Map<String, Object>> types = page.getList("facets.type");
    int sum = types.stream().mapToInt(t -> ((Number) t.get("count")).intValue()).sum();
    assertEquals(page.getInt("total"), sum);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tag", "method", "dataset", "venue"})
  void paperFacetCountsEqualTotalsOfFilteredSearch(String facet) {
    JsonPath page = search(Map.of("q", "potential", "facets", facet, "facet_limit", 3));
    List<Map<String, Object>> values = page.getList("facets." + facet);
    assertTrue(!values.isEmpty(), facet);
    for (Map<String, Object> v : values) {
      int filtered = search(Map.of("q", "potential", facet, v.get("value"))).getInt("total");
      assertEquals(((Number) v.get("count")).intValue(), filtered, facet + "=" + v.get("value"));
    }
  }

  @Test
  void cursorPagesThroughHitsWithoutRepeats() {
    JsonPath first = search(Map.of("q", "equivariant", "limit", 5));
    JsonPath second =
        search(Map.of("q", "equivariant", "limit", 5, "cursor", first.getString("next_cursor")));
    List<String> a = first.getList("items.id", String.class);
    List<String> b = second.getList("items.id", String.class);
    assertEquals(5, b.size());
    assertTrue(b.stream().noneMatch(a::contains), a + " / " + b);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "!!!...???",
        "\"unbalanced quote",
        "'; DROP TABLE paper; --",
        "a & b | !c <-> (d",
        "-",
        "OR OR OR",
        "-equivariant",
        "\u00e9quivariant \u00fcber",
        "\u200b\u202e\ufeff",
        "\ud83e\uddea molecules",
        "the of and",
        "x:* & y:A",
        "\\\\ %% __"
      })
  void oddQueriesAnswer200(String q) {
    given()
        .queryParam("q", q)
        .queryParam("facets", "type,year")
        .when()
        .get("/api/v1/search")
        .then()
        .statusCode(200)
        .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(0));
  }

  @Test
  void loneSurrogateIsDroppedNot500() {
    given()
        .urlEncodingEnabled(false)
        .queryParam("q", "equivariant%ED%A0%80")
        .when()
        .get("/api/v1/search")
        .then()
        .statusCode(org.hamcrest.Matchers.lessThan(500));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "type | software",
        "facets | authors",
        "facet_limit | 0",
        "limit | 1000",
        "cursor | bm9wZQ",
        "year | 20x1",
        "colour | blue"
      })
  void badParameterIs400ProblemNamingIt(String name, String value) {
    given()
        .queryParam("q", "mace")
        .queryParam(name, value)
        .when()
        .get("/api/v1/search")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.name", hasItem(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void emptyQueryIs400NamingQ(String q) {
    given()
        .queryParam("q", q)
        .when()
        .get("/api/v1/search")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.name", hasItem("q"));
  }

  @Test
  void queryOverFiveHundredCharactersIs400NamingQ() {
    given()
        .queryParam("q", "equivariant ".repeat(170))
        .when()
        .get("/api/v1/search")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.name", hasItem("q"));
  }

  @Test
  void tenThousandCharacterQueryIs400ProblemNamingQ() {
    // The HTTP request-line limit is raised so that the application, not Vert.x, answers.
    given()
        .queryParam("q", "equivariant ".repeat(834))
        .when()
        .get("/api/v1/search")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.name", hasItem("q"));
  }

  @Test
  void queryExpandingPastTheClauseLimitIs400NamingQ() {
    String q = ClauseLimitQuery.text();
    assertTrue(q.length() <= 500, q);
    given()
        .queryParam("q", q)
        .when()
        .get("/api/v1/search")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.name", hasItem("q"))
        .body("errors[0].message", containsString("too many alternatives"));
  }

  @Test
  void anAcronymFindsPapersNamingItsLongFormAndTheSnippetMarksThatForm() {
    JsonPath page = search(Map.of("q", "MLIP", "type", "paper"));
    List<String> snippets = page.getList("items.snippet", String.class);
    assertTrue(
        snippets.stream().anyMatch(s -> s.contains("<mark>interatomic</mark>")),
        snippets.toString());
  }

  @Test
  void aPaperWrittenWithASynonymsLongFormMeetsTheAcronymsClause() {
    String word = "kestrel" + unique().replaceAll("[0-9]", "q");
    long learned = paperOfYear("Machine-learned interatomic potentials of " + word, 2021);
    paperOfYear("Classical potentials of " + word, 2021);
    JsonPath page = search(Map.of("q", "MLIP " + word, "type", "paper", "mode", "keyword"));
    assertEquals(Long.toString(learned), page.getString("items[0].id"));
    float tierAbove = page.getFloat("items[0].score") - page.getFloat("items[1].score");
    assertTrue(tierAbove > IndexQueries.MATCHED_CLAUSE / 2, "meets one clause more: " + tierAbove);
  }

  @Test
  void pluralOfAMultiWordSynonymIsExpandedAndReported() {
    List<String> expansions =
        search(Map.of("q", "graph neural networks for molecules")).getList("expansions");
    assertTrue(
        expansions.stream()
            .anyMatch(e -> e.startsWith("graph neural networks → ") && e.contains("gnn")),
        expansions.toString());
  }

  @Test
  void methodNamedByTheQueryIsAlsoFoundUnderItsAliases() {
    JsonPath page = search(Map.of("q", "deepmd", "type", "paper"));
    List<String> expansions = page.getList("expansions");
    assertTrue(
        expansions.stream().anyMatch(e -> e.contains("Deep Potential")), expansions.toString());
    List<String> titles = page.getList("items.title", String.class);
    assertTrue(
        titles.stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).contains("deep potential")),
        titles.toString());
  }

  @Test
  void aYearIsMatchedAsTheYearOfPublicationAndNeverCorrected() {
    String word = "yearling" + unique().replaceAll("[0-9]", "q");
    long of2012 = paperOfYear("Lattice models of " + word, 2012);
    paperOfYear("Lattice models of " + word + " again", 2019);
    JsonPath page = search(Map.of("q", word + " 2012", "type", "paper"));
    assertEquals(null, page.getString("did_you_mean"));
    assertEquals(Long.toString(of2012), page.getString("items[0].id"));
  }

  private static long paperOfYear(String title, int year) {
    return createdPaperId(
        Map.of(
            "entry_type",
            "article",
            "title",
            title,
            "year",
            year,
            "doi",
            "10.5555/test-" + unique(),
            "authors",
            List.of("Ada Lovelace")));
  }

  @Test
  void suggestCompletesPrefixAcrossKinds() {
    given()
        .queryParam("q", "equi")
        .when()
        .get("/api/v1/suggest")
        .then()
        .statusCode(200)
        .body("items", hasSize(lessThanOrEqualTo(10)))
        .body("items.text", hasItem("Equiformer"));
  }

  @Test
  void suggestCompletesPaperTitlesFromEarlierWordsAndTypedPrefix() {
    given()
        .queryParam("q", "equivariant interat")
        .when()
        .get("/api/v1/suggest")
        .then()
        .statusCode(200)
        .body(
            "items.text",
            hasItem("The Design Space of E(3)-Equivariant Atom-Centered Interatomic Potentials"));
  }

  @Test
  void suggestToleratesTypos() {
    given()
        .queryParam("q", "shnet")
        .when()
        .get("/api/v1/suggest")
        .then()
        .statusCode(200)
        .body("items.text", hasItem("SchNet"));
  }

  @Test
  void suggestFindsIdentifierByItsParts() {
    given()
        .queryParam("q", "mace-mp")
        .when()
        .get("/api/v1/suggest")
        .then()
        .statusCode(200)
        .body("items[0].text", containsString("MACE-MP"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "!!", "\"", "a"})
  void suggestAnswersOddInputWith200(String q) {
    given().queryParam("q", q).when().get("/api/v1/suggest").then().statusCode(200);
  }

  @Test
  void paperListQUsesSearchSemanticsAndRelevance() {
    given()
        .queryParam("q", "\"message passing\" -equivariant")
        .queryParam("limit", 100)
        .when()
        .get("/api/v1/papers")
        .then()
        .statusCode(200)
        .body("total", greaterThan(0))
        .body("items.title", everyItem(not(containsString("quivariant"))));
  }

  @Test
  void paperListRelevanceCursorVisitsEachPaperOnce() throws InterruptedException {
    // Relevance pages are keyed by score: a write, an embedding or a merge between the two pages
    // (here, of earlier tests) moves scores, so the index is settled first, as clients are told.
    SemanticTestSupport.awaitEmbedded(embedder, worker, index);
    JsonPath first =
        given()
            .queryParam("q", "potential")
            .queryParam("limit", 10)
            .get("/api/v1/papers")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    JsonPath second =
        given()
            .queryParam("q", "potential")
            .queryParam("limit", 10)
            .queryParam("cursor", first.getString("next_cursor"))
            .get("/api/v1/papers")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<Integer> a = first.getList("items.id", Integer.class);
    List<Integer> b = second.getList("items.id", Integer.class);
    assertEquals(10, b.size());
    assertTrue(b.stream().noneMatch(a::contains));
  }

  /** Every documented sort value is valid alone (the contract check sends each one so). */
  @Test
  void relevanceSortWithoutQIsTheDefaultOrder() {
    List<Integer> byRelevance =
        given()
            .queryParam("sort", "relevance")
            .get("/api/v1/papers")
            .then()
            .statusCode(200)
            .extract()
            .path("items.id");
    List<Integer> byDefault =
        given().get("/api/v1/papers").then().statusCode(200).extract().path("items.id");
    assertEquals(byDefault, byRelevance);
  }

  @Test
  void relatedPapersShareLinksOrTitles() {
    int id =
        given()
            .urlEncodingEnabled(false)
            .get("/api/v1/papers/doi:10.1038%2Fs41467-022-29939-5")
            .then()
            .statusCode(200)
            .extract()
            .path("id");
    given()
        .get("/api/v1/papers/" + id + "/related")
        .then()
        .statusCode(200)
        .body("items.size()", greaterThan(0))
        .body("items.id", not(hasItem(id)))
        .body("items[0].score", greaterThan(0f));
  }

  @Test
  void relatedOfUnknownPaperIs404() {
    given()
        .get("/api/v1/papers/999999999/related")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404));
  }

  /**
   * Multi-word questions that returned nothing while every word had to match: each now has papers
   * on the asked topic (the word that names it in a title) in its top 10.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "neural network potential for liquid water simulations | water | 2",
        "machine learning force field for molecular dynamics of proteins | protein | 1",
        "transferable potential for silicon | silicon | 2",
        "graph network universal interatomic potential | universal | 2",
      })
  void multiWordQuestionsReturnOnTopicPapersInTopTen(String q, String topic, int atLeast) {
    JsonPath page = search(Map.of("q", q.strip(), "type", "paper", "limit", 10));
    List<String> titles = page.getList("items.title", String.class);
    long onTopic =
        titles.stream().filter(t -> t.toLowerCase(Locale.ROOT).contains(topic.strip())).count();
    assertTrue(onTopic >= atLeast, q + " → " + titles);
  }

  @Test
  void papersMatchingAllWordsRankAboveThoseMatchingSome() {
    List<String> titles =
        search(Map.of("q", "transferable potential for silicon", "type", "paper", "limit", 3))
            .getList("items.title", String.class);
    String top = titles.get(0).toLowerCase(Locale.ROOT);
    assertTrue(top.contains("silicon") && top.contains("potential"), titles.toString());
  }

  @Test
  void tagFilterWithSeveralSlugsMatchesEither() {
    int equivariance = search(Map.of("q", "potential", "tag", "equivariance")).getInt("total");
    int longRange = search(Map.of("q", "potential", "tag", "long-range")).getInt("total");
    int either = search(Map.of("q", "potential", "tag", "equivariance,long-range")).getInt("total");
    assertTrue(equivariance > 0 && longRange > 0, equivariance + " / " + longRange);
    assertTrue(
        either >= Math.max(equivariance, longRange) && either <= equivariance + longRange,
        equivariance + " + " + longRange + " vs " + either);
  }

  @Test
  void negatedTagFilterExcludesItsPapers() {
    int all = search(Map.of("q", "potential", "type", "paper")).getInt("total");
    int longRange = search(Map.of("q", "potential", "tag", "long-range")).getInt("total");
    int notLongRange = search(Map.of("q", "potential", "tag", "-long-range")).getInt("total");
    assertEquals(all - longRange, notLongRange);
  }

  @Test
  void paperListTakesSeveralTagsWithoutQ() {
    int equivariance = paperTotal(Map.of("tag", "equivariance"));
    int longRange = paperTotal(Map.of("tag", "long-range"));
    int either = paperTotal(Map.of("tag", "equivariance,long-range"));
    int notLongRange = paperTotal(Map.of("tag", "equivariance,-long-range"));
    assertTrue(either >= Math.max(equivariance, longRange) && either <= equivariance + longRange);
    assertTrue(notLongRange <= equivariance);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-", "long-range,-", ",-,"})
  void slugFilterWithDashAloneIs400NamingIt(String value) {
    given()
        .queryParam("q", "potential")
        .queryParam("tag", value)
        .when()
        .get("/api/v1/search")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.name", hasItem("tag"));
  }

  private static int paperTotal(Map<String, Object> params) {
    return given()
        .queryParams(params)
        .when()
        .get("/api/v1/papers")
        .then()
        .statusCode(200)
        .extract()
        .path("total");
  }
}
