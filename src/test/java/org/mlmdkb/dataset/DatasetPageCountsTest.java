package org.mlmdkb.dataset;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlmdkb.curation.CurationFixtures.newKey;
import static org.mlmdkb.curation.CurationFixtures.unique;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlmdkb.common.db.Sql;
import org.mlmdkb.curation.CurationFixtures;
import org.mlmdkb.testsupport.ApiTest;

/**
 * A dataset page reads its counts and sources with its row and takes its results total from the
 * board counts of the same snapshot: they must agree with the tables and with /results?dataset=.
 */
@QuarkusTest
class DatasetPageCountsTest extends ApiTest {

  private static final String DATASET = "3bpa";

  @Inject AgroalDataSource dataSource;

  @Test
  void resultsTotalFollowsAResultWrittenAndDeletedAndMatchesTheResultList() throws SQLException {
    long before = liveResults();
    assertPageAndListTotal(before);

    ExtractableResponse<Response> created =
        given()
            .header("Authorization", "Bearer " + newKey("curator"))
            .contentType(ContentType.JSON)
            .body(CurationFixtures.resultBody("page-count-" + unique()))
            .when()
            .post("/api/v1/results")
            .then()
            .statusCode(201)
            .extract();
    assertEquals(before + 1, liveResults());
    assertPageAndListTotal(before + 1);

    CurationFixtures.deleteAsAdmin("/api/v1/results/" + created.path("id"), created);
    assertPageAndListTotal(before);
  }

  @Test
  void papersTotalAndSourcesAreThoseOfTheTables() throws SQLException {
    long papers =
        count(
            "SELECT count(*) FROM paper_dataset pd JOIN live_paper p ON p.id = pd.paper_id"
                + " JOIN dataset d ON d.id = pd.dataset_id WHERE d.slug = '"
                + DATASET
                + "'");
    List<String> sources =
        texts(
            "SELECT s.source_id FROM dataset_source s JOIN dataset d ON d.id = s.dataset_id"
                + " WHERE d.slug = '"
                + DATASET
                + "' ORDER BY s.source_id");
    given()
        .when()
        .get("/api/v1/datasets/" + DATASET)
        .then()
        .statusCode(200)
        .body("papers_total", equalTo((int) papers))
        .body("sources", equalTo(sources));
  }

  /**
   * The page's tasks sum the per-method board counts by subset, task, target, metric and unit: each
   * key once, subsets without a name first, and their counts add up to the page's results total.
   */
  @Test
  void tasksAreEachKeyOnceInOrderAndAddUpToTheResultsTotal() {
    ExtractableResponse<Response> page =
        given().when().get("/api/v1/datasets/" + DATASET).then().statusCode(200).extract();
    List<Map<String, Object>> tasks = page.path("tasks");
    List<String> keys = new ArrayList<>();
    long sum = 0;
    for (Map<String, Object> t : tasks) {
      keys.add(
          (t.get("subset") == null ? "0" : "1" + t.get("subset"))
              + "|"
              + t.get("task")
              + "|"
              + t.get("target")
              + "|"
              + t.get("metric")
              + "|"
              + t.get("unit"));
      sum += ((Number) t.get("result_count")).longValue();
    }
    assertTrue(keys.size() > 1, "tasks: " + keys);
    assertEquals(keys.size(), new HashSet<>(keys).size(), "each key once: " + keys);
    List<String> sorted = new ArrayList<>(keys);
    Collections.sort(sorted);
    assertEquals(sorted, keys, "ordered by subset (none first), task, target, metric, unit");
    assertEquals(((Number) page.path("results_total")).longValue(), sum);
  }

  private static void assertPageAndListTotal(long expected) {
    given()
        .when()
        .get("/api/v1/datasets/" + DATASET)
        .then()
        .statusCode(200)
        .body("results_total", equalTo((int) expected));
    given()
        .queryParam("dataset", DATASET)
        .when()
        .get("/api/v1/results")
        .then()
        .statusCode(200)
        .body("total", equalTo((int) expected));
  }

  private long liveResults() throws SQLException {
    return count(
        "SELECT count(*) FROM live_benchmark_result r JOIN dataset d ON d.id = r.dataset_id"
            + " WHERE d.slug = '"
            + DATASET
            + "'");
  }

  private long count(String sql) throws SQLException {
    return Sql.query(dataSource, sql, q -> q.mapTo(Long.class).one());
  }

  private List<String> texts(String sql) throws SQLException {
    return Sql.query(dataSource, sql, q -> q.mapTo(String.class).list());
  }
}
