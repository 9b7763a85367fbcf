package org.mlmdkb.method;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlmdkb.testsupport.ApiTest;

/**
 * A method page carries a page, not every result: the first page of /results?method=, exact totals,
 * one row per board, and links to the rest.
 */
@QuarkusTest
class MethodPageResultsTest extends ApiTest {

  @Inject AgroalDataSource dataSource;

  @Test
  void methodWithMoreResultsThanAPageEmbedsTheFirstPageAndLinksToTheRest() throws SQLException {
    String slug = methodWithMostResults();
    long live =
        count(
            "SELECT count(*) FROM benchmark_result r JOIN method m ON m.id = r.method_id"
                + " WHERE r.deleted_at IS NULL AND m.slug = '"
                + slug
                + "'");
    List<Integer> firstIds =
        ids(
            "SELECT r.id FROM benchmark_result r JOIN method m ON m.id = r.method_id"
                + " WHERE r.deleted_at IS NULL AND m.slug = '"
                + slug
                + "' ORDER BY r.id LIMIT 20");
    JsonPath page =
        given()
            .when()
            .get("/api/v1/methods/" + slug)
            .then()
            .statusCode(200)
            .body("results", hasSize(20))
            .body("results_total", equalTo((int) live))
            .body("results_url", equalTo("/api/v1/results?method=" + slug))
            .extract()
            .jsonPath();
    assertEquals(firstIds, page.getList("results.id", Integer.class));
    // The link continues exactly after the embedded page.
    given()
        .urlEncodingEnabled(false)
        .when()
        .get(page.getString("results_next"))
        .then()
        .statusCode(200)
        .body(
            "items[0].id",
            equalTo(
                ids("SELECT r.id FROM benchmark_result r JOIN method m ON m.id = r.method_id"
                        + " WHERE r.deleted_at IS NULL AND m.slug = '"
                        + slug
                        + "'"
                        + " ORDER BY r.id OFFSET 20 LIMIT 1")
                    .get(0)));
  }

  @Test
  void resultSummaryHasOneRowPerBoardWithExactCounts() throws SQLException {
    String slug = methodWithMostResults();
    List<String> byScan =
        strings(
            "SELECT d.slug || '/' || coalesce(s.slug, '') || '/' || r.task || '/' || r.target"
                + " || '/' || r.metric || '=' || count(*)"
                + " FROM benchmark_result r JOIN method m ON m.id = r.method_id"
                + " JOIN dataset d ON d.id = r.dataset_id"
                + " LEFT JOIN dataset_subset s ON s.id = r.subset_id"
                + " WHERE r.deleted_at IS NULL AND m.slug = '"
                + slug
                + "'"
                + " GROUP BY d.slug, s.slug, r.task, r.target, r.metric"
                + " ORDER BY d.slug, s.slug NULLS FIRST, r.task, r.target, r.metric");
    JsonPath page =
        given().when().get("/api/v1/methods/" + slug).then().statusCode(200).extract().jsonPath();
    List<String> fromApi = new ArrayList<>();
    for (var row : page.<java.util.Map<String, Object>>getList("result_summary")) {
      fromApi.add(
          row.get("dataset")
              + "/"
              + (row.get("subset") == null ? "" : row.get("subset"))
              + "/"
              + row.get("task")
              + "/"
              + row.get("target")
              + "/"
              + row.get("metric")
              + "="
              + row.get("count"));
    }
    assertEquals(byScan, fromApi);
  }

  @Test
  void methodPageListsAtMostTwentyPapersWithTheirTotalAndWhereTheRestAre() throws SQLException {
    String slug =
        strings(
                "SELECT m.slug FROM method m JOIN paper_method pm ON pm.method_id = m.id"
                    + " JOIN paper p ON p.id = pm.paper_id AND p.deleted_at IS NULL"
                    + " WHERE m.deleted_at IS NULL GROUP BY m.slug ORDER BY count(*) DESC, m.slug"
                    + " LIMIT 1")
            .get(0);
    long papers =
        count(
            "SELECT count(*) FROM paper_method pm JOIN method m ON m.id = pm.method_id"
                + " JOIN paper p ON p.id = pm.paper_id AND p.deleted_at IS NULL"
                + " WHERE m.slug = '"
                + slug
                + "'");
    given()
        .when()
        .get("/api/v1/methods/" + slug)
        .then()
        .statusCode(200)
        .body("papers.size()", equalTo((int) Math.min(20, papers)))
        .body("papers_total", equalTo((int) papers))
        .body("papers_url", equalTo("/api/v1/papers?method=" + slug));
  }

  @Test
  void datasetPageEmbedsTheFirstResultsAndStaysSmall() throws SQLException {
    long live =
        count(
            "SELECT count(*) FROM benchmark_result r JOIN dataset d ON d.id = r.dataset_id"
                + " WHERE r.deleted_at IS NULL AND d.slug = '3bpa'");
    String body =
        given()
            .when()
            .get("/api/v1/datasets/3bpa")
            .then()
            .statusCode(200)
            .body("results", hasSize((int) Math.min(20, live)))
            .body("results_total", equalTo((int) live))
            .body("results_url", equalTo("/api/v1/results?dataset=3bpa"))
            .body("papers.size()", lessThan(21))
            .extract()
            .asString();
    assertEquals(true, body.length() < 100_000, "dataset page of " + body.length() + " bytes");
  }

  private String methodWithMostResults() throws SQLException {
    return strings(
            "SELECT m.slug FROM benchmark_result r JOIN method m ON m.id = r.method_id"
                + " WHERE r.deleted_at IS NULL AND m.deleted_at IS NULL"
                + " GROUP BY m.slug HAVING count(*) > 21 ORDER BY count(*) DESC, m.slug LIMIT 1")
        .get(0);
  }

  private List<Integer> ids(String sql) throws SQLException {
    return strings(sql).stream().map(Integer::valueOf).toList();
  }

  private long count(String sql) throws SQLException {
    return Long.parseLong(strings(sql).get(0));
  }

  private List<String> strings(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
