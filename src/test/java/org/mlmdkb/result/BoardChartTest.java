package org.mlmdkb.result;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlmdkb.testsupport.ApiTest;
import org.mlmdkb.testsupport.SvgTexts;

/** Boards and Pareto views as SVG: well-formed, every name drawn, bounded, cacheable. */
@QuarkusTest
class BoardChartTest extends ApiTest {

  @Inject AgroalDataSource dataSource;

  private static final String F1 = "/api/v1/leaderboards/wbm?subset=full-test-set&metric=F1";

  private static List<String> texts(byte[] svg) throws Exception {
    return SvgTexts.texts(svg);
  }

  @Test
  void f1BoardSvgParsesAsXmlAndShowsEveryRowsMethodName() throws Exception {
    List<String> names =
        given()
            .when()
            .get(F1)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("rows.method.name");
    byte[] svg =
        given()
            .when()
            .get(F1 + "&format=svg")
            .then()
            .statusCode(200)
            .contentType(startsWith("image/svg+xml"))
            .extract()
            .asByteArray();
    List<String> texts = texts(svg);
    for (String name : names) {
      assertTrue(texts.stream().anyMatch(t -> t.endsWith("  " + name)), "no label for " + name);
    }
  }

  @Test
  void tiedRowsAreLabelledWithAnEqualsSign() throws Exception {
    byte[] svg =
        given().when().get(F1 + "&format=svg").then().statusCode(200).extract().asByteArray();
    assertTrue(texts(svg).stream().anyMatch(t -> t.matches("\\d+=  .+")), "a tie mark");
  }

  @Test
  void acceptHeaderAsksForSvg() {
    given()
        .accept("image/svg+xml")
        .when()
        .get(F1)
        .then()
        .statusCode(200)
        .contentType(startsWith("image/svg+xml"))
        .body(containsString("<svg"));
  }

  @Test
  void sameBoardGivesTheSameEtagAndA304WhenItIsSentBack() {
    Response first = given().when().get(F1 + "&format=svg");
    String etag = first.getHeader("ETag");
    assertTrue(etag != null && etag.startsWith("\""), String.valueOf(etag));
    assertEquals(etag, given().when().get(F1 + "&format=svg").getHeader("ETag"));
    given()
        .header("If-None-Match", etag)
        .when()
        .get(F1 + "&format=svg")
        .then()
        .statusCode(304)
        .header("ETag", equalTo(etag));
  }

  @Test
  void limitCutsTheChartToTheTopRows() throws Exception {
    byte[] svg =
        given()
            .when()
            .get(F1 + "&format=svg&limit=3")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    assertEquals(3, texts(svg).stream().filter(t -> t.matches("\\d+=?  .+")).count());
  }

  @Test
  void svgLimitAboveTheMaximumIs400() {
    given()
        .when()
        .get(F1 + "&format=svg&limit=" + (BoardChart.MAX_ROWS + 1))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].name", equalTo("limit"));
  }

  @Test
  void boardWithMoreRowsThanAChartShowsIs400AskingForLimit() throws Exception {
    // per=variant gives a row per variant: 101 variants of one method make a 101-row board.
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          """
          INSERT INTO benchmark_result (seed_key, method_id, method_variant, dataset_id, subset_id,
              task, target, metric, value, unit, canonical_value, canonical_unit, basis, status)
          SELECT 'test:svg-size-' || n, b.method_id, 'v' || n, b.dataset_id, b.subset_id, b.task,
              b.target, 'svg-size-probe', n, '1', n, '1', 'none', 'reported'
          FROM benchmark_result b, generate_series(1, 101) n
          WHERE b.seed_key = 'matbench-discovery:mace-mp-0:discovery:full_test_set:F1'
          """);
    }
    try {
      given()
          .queryParam("metric", "svg-size-probe")
          .queryParam("per", "variant")
          .queryParam("format", "svg")
          .when()
          .get("/api/v1/leaderboards/{dataset}", "wbm")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].name", equalTo("limit"))
          .body("detail", containsString("101 rows"));
    } finally {
      try (Connection c = dataSource.getConnection();
          Statement s = c.createStatement()) {
        s.executeUpdate("DELETE FROM benchmark_result WHERE seed_key LIKE 'test:svg-size-%'");
      }
    }
  }

  @Test
  void paretoScatterParsesAndNamesEveryFrontMethod() throws Exception {
    String view =
        "/api/v1/leaderboards/pareto?dataset=wbm&subset=full-test-set&metrics=F1,parameter_count";
    List<String> front =
        given()
            .when()
            .get(view)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("points.findAll { it.on_front }.method.name");
    byte[] svg =
        given()
            .accept("image/svg+xml")
            .when()
            .get(view)
            .then()
            .statusCode(200)
            .contentType(startsWith("image/svg+xml"))
            .extract()
            .asByteArray();
    List<String> texts = texts(svg);
    for (String name : front) {
      assertTrue(texts.contains(name), "no label for " + name + " in " + texts);
    }
    assertTrue(new String(svg, StandardCharsets.UTF_8).contains("Pareto front"));
  }

  @Test
  void paretoSvgNeedsExactlyTwoMetrics() {
    given()
        .when()
        .get("/api/v1/leaderboards/pareto?dataset=wbm&metrics=F1,MAE,RMSE&format=svg")
        .then()
        .statusCode(400)
        .body("errors[0].name", equalTo("metrics"));
  }
}
