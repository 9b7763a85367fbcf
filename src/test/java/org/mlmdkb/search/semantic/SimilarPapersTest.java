package org.mlmdkb.search.semantic;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlmdkb.search.SearchIndex;
import org.mlmdkb.testsupport.ApiTest;
import org.mlmdkb.testsupport.SemanticTestSupport;

@QuarkusTest
class SimilarPapersTest extends ApiTest {

  @Inject TextEmbedder embedder;
  @Inject EmbeddingWorker worker;
  @Inject SearchIndex index;
  @Inject AgroalDataSource dataSource;

  @BeforeEach
  void corpusIsEmbedded() throws InterruptedException {
    SemanticTestSupport.awaitEmbedded(embedder, worker, index);
  }

  private long paperTitled(String prefix) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT id FROM paper WHERE title LIKE ? AND deleted_at IS NULL ORDER BY id"
                    + " LIMIT 1")) {
      ps.setString(1, prefix + "%");
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next(), "no seed paper titled " + prefix);
        return rs.getLong(1);
      }
    }
  }

  private static JsonPath similar(Map<String, ?> body, Map<String, ?> params) {
    return given()
        .contentType(ContentType.JSON)
        .queryParams(params)
        .body(body)
        .urlEncodingEnabled(false)
        .when()
        .post("/api/v1/papers:similar")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .extract()
        .jsonPath();
  }

  @Test
  void papersLikeTheExamplesComeFirstWithoutTheExamplesAndWithoutAKey() throws SQLException {
    long schnet = paperTitled("SchNet: A continuous-filter convolutional neural network");
    long physnet = paperTitled("PhysNet: A Neural Network for Predicting Energies");
    JsonPath page =
        similar(
            Map.of("positive", List.of(Long.toString(schnet), Long.toString(physnet))),
            Map.of("limit", 10));
    List<Long> ids = page.getList("items.id", Long.class);
    assertEquals(10, ids.size());
    assertFalse(ids.contains(schnet));
    assertFalse(ids.contains(physnet));
    List<Float> scores = page.getList("items.score", Float.class);
    for (int i = 1; i < scores.size(); i++) {
      assertTrue(scores.get(i - 1) >= scores.get(i), scores.toString());
    }
    List<String> titles = page.getList("items.title", String.class);
    assertTrue(
        titles.stream().anyMatch(t -> t.toLowerCase().contains("neural network")),
        titles.toString());
    assertEquals(List.of(), page.getList("examples_without_vector", String.class));
  }

  @Test
  void aNegativeExampleIsNeverReturned() throws SQLException {
    long schnet = paperTitled("SchNet: A continuous-filter convolutional neural network");
    JsonPath alone = similar(Map.of("positive", List.of(Long.toString(schnet))), Map.of());
    String nearest = alone.getString("items[0].id");
    JsonPath pushed =
        similar(
            Map.of("positive", List.of(Long.toString(schnet)), "negative", List.of(nearest)),
            Map.of());
    List<String> ids = pushed.getList("items.id", String.class);
    assertFalse(ids.contains(nearest));
  }

  @Test
  void paperFiltersNarrowTheRankedPapers() throws SQLException {
    long schnet = paperTitled("SchNet: A continuous-filter convolutional neural network");
    JsonPath page =
        similar(
            Map.of("positive", List.of(Long.toString(schnet))),
            Map.of("year", "2021..2022", "limit", 20));
    List<Integer> years = page.getList("items.year", Integer.class);
    assertFalse(years.isEmpty());
    years.forEach(y -> assertTrue(y >= 2021 && y <= 2022, "" + y));
  }

  @Test
  void pagesFollowEachOtherWithoutRepeats() throws SQLException {
    long schnet = paperTitled("SchNet: A continuous-filter convolutional neural network");
    Map<String, ?> body = Map.of("positive", List.of(Long.toString(schnet)));
    JsonPath first = similar(body, Map.of("limit", 5));
    JsonPath second = similar(body, Map.of("limit", 5, "cursor", first.getString("next_cursor")));
    Set<Long> ids = new HashSet<>(first.getList("items.id", Long.class));
    second.getList("items.id", Long.class).forEach(id -> assertTrue(ids.add(id), "" + id));
    assertEquals(10, ids.size());
  }

  @Test
  void refsNamingNoPaperAre400ListingEveryOne() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("positive", List.of("999999999", "doi:10.9999/nothing-here", "not-a-ref")))
        .urlEncodingEnabled(false)
        .when()
        .post("/api/v1/papers:similar")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].name", equalTo("positive"))
        .body("detail", containsString("999999999"))
        .body("detail", containsString("doi:10.9999/nothing-here"))
        .body("detail", containsString("not-a-ref"));
  }

  @Test
  void moreThanFiftyPositiveExamplesIs400() throws SQLException {
    long schnet = paperTitled("SchNet: A continuous-filter convolutional neural network");
    List<String> refs = new ArrayList<>(Collections.nCopies(51, Long.toString(schnet)));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("positive", refs))
        .urlEncodingEnabled(false)
        .when()
        .post("/api/v1/papers:similar")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].name", equalTo("positive"));
  }

  @Test
  void moreThanFiftyNegativeExamplesIs400() throws SQLException {
    long schnet = paperTitled("SchNet: A continuous-filter convolutional neural network");
    List<String> negative = IntStream.range(0, 51).mapToObj(i -> "1").toList();
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("positive", List.of(Long.toString(schnet)), "negative", negative))
        .urlEncodingEnabled(false)
        .when()
        .post("/api/v1/papers:similar")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].name", equalTo("negative"));
  }

  @Test
  void aRequestWithoutPositiveExamplesIs400() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("negative", List.of("1")))
        .urlEncodingEnabled(false)
        .when()
        .post("/api/v1/papers:similar")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].name", equalTo("positive"));
  }

  @Test
  void aPaperGivenAsPositiveAndNegativeIs400() throws SQLException {
    String schnet =
        Long.toString(paperTitled("SchNet: A continuous-filter convolutional neural network"));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("positive", List.of(schnet), "negative", List.of(schnet)))
        .urlEncodingEnabled(false)
        .when()
        .post("/api/v1/papers:similar")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void relatedPapersBlendLinksWithClosenessInMeaning() throws SQLException {
    long forces = paperTitled("Forces are not Enough");
    JsonPath related =
        given()
            .queryParam("limit", 10)
            .when()
            .get("/api/v1/papers/" + forces + "/related")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<Float> scores = related.getList("items.score", Float.class);
    assertEquals(10, scores.size());
    for (int i = 1; i < scores.size(); i++) {
      assertTrue(scores.get(i - 1) >= scores.get(i), scores.toString());
    }
    // The nearest paper by meaning earns similarity points even where it shares no link.
    long nearest =
        similar(Map.of("positive", List.of(Long.toString(forces))), Map.of("limit", 1))
            .getLong("items[0].id");
    assertTrue(related.getList("items.id", Long.class).contains(nearest), related.prettify());
  }
}
