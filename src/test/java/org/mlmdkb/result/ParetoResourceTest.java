package org.mlmdkb.result;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlmdkb.testsupport.ApiTest;

@QuarkusTest
class ParetoResourceTest extends ApiTest {

  private static ValidatableResponse pareto(Map<String, String> params) {
    return given().queryParams(params).when().get("/api/v1/leaderboards/pareto").then();
  }

  private record Point(String slug, BigDecimal f1, BigDecimal params, boolean onFront) {}

  private static List<Point> f1VersusParameterCount() {
    JsonPath body =
        pareto(Map.of("dataset", "wbm", "subset", "full-test-set", "metrics", "F1,parameter_count"))
            .statusCode(200)
            .contentType("application/json")
            .body("axes.metric", equalTo(List.of("F1", "parameter_count")))
            .body("axes.direction", equalTo(List.of("higher_is_better", "lower_is_better")))
            .extract()
            .jsonPath(
                JsonPathConfig.jsonPathConfig()
                    .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    List<Map<String, Object>> points = body.getList("points");
    return points.stream()
        .map(
            p -> {
              // Parameter counts come back as integers, F1 as decimals.
              List<BigDecimal> values =
                  ((List<?>) p.get("values"))
                      .stream().map(v -> new BigDecimal(String.valueOf(v))).toList();
              @SuppressWarnings("unchecked")
              Map<String, Object> method = (Map<String, Object>) p.get("method");
              return new Point(
                  (String) method.get("slug"),
                  values.get(0),
                  values.get(1),
                  (Boolean) p.get("on_front"));
            })
        .toList();
  }

  /** Higher F1 is better, fewer parameters are better. */
  private static boolean beats(Point a, Point b) {
    int f1 = a.f1.compareTo(b.f1);
    int size = b.params.compareTo(a.params);
    return f1 >= 0 && size >= 0 && (f1 > 0 || size > 0);
  }

  @Test
  void frontOfF1VersusParameterCountOnWbmHoldsNoMethodAnotherBeatsOnBoth() {
    List<Point> points = f1VersusParameterCount();
    assertTrue(points.size() > 20, "most WBM models record a parameter count");
    List<Point> front = points.stream().filter(Point::onFront).toList();
    assertFalse(front.isEmpty());
    for (Point p : front) {
      for (Point other : points) {
        assertFalse(beats(other, p), other.slug + " beats front point " + p.slug);
      }
    }
    for (Point p : points.stream().filter(q -> !q.onFront).toList()) {
      assertTrue(points.stream().anyMatch(o -> beats(o, p)), p.slug + " is dominated by nobody");
    }
  }

  @Test
  void dominatedPointsNameTheMethodsThatBeatThem() {
    JsonPath body =
        pareto(Map.of("dataset", "wbm", "subset", "full-test-set", "metrics", "F1,parameter_count"))
            .statusCode(200)
            .extract()
            .jsonPath();
    List<Map<String, Object>> points = body.getList("points");
    for (Map<String, Object> p : points) {
      List<?> dominatedBy = (List<?>) p.get("dominated_by");
      assertEquals(p.get("on_front"), dominatedBy.isEmpty(), p.toString());
    }
    assertEquals(
        body.getInt("n_front"), points.stream().filter(p -> (Boolean) p.get("on_front")).count());
  }

  @Test
  void frontValuesAreTheBoardValues() {
    JsonPath board =
        given()
            .queryParam("subset", "full-test-set")
            .queryParam("metric", "F1")
            .when()
            .get("/api/v1/leaderboards/{dataset}", "wbm")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    JsonPath view =
        pareto(Map.of("dataset", "wbm", "subset", "full-test-set", "metrics", "F1,MAE"))
            .statusCode(200)
            .body("axes[1].unit", equalTo("eV/atom"))
            .body("n_incomplete", equalTo(0))
            .extract()
            .jsonPath();
    String slug = view.getString("points[0].method.slug");
    assertEquals(
        board.getFloat("rows.find { it.method.slug == '" + slug + "' }.value"),
        view.getFloat("points[0].values[0]"));
    assertEquals(
        board.getLong("rows.find { it.method.slug == '" + slug + "' }.result_id"),
        view.getLong("points[0].result_ids[0]"));
  }

  @Test
  void metricsWithIncompatibleFingerprintsAre400NamingTheRule() {
    pareto(Map.of("dataset", "wbm", "metrics", "F1,n_sym_ops_mae (symprec=1e-5)"))
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", containsString("incompatible-fingerprints"))
        .body("detail", containsString("subset"))
        .body("errors[0].name", equalTo("metrics"));
  }

  @Test
  void metricWithoutDirectionIs400() {
    pareto(Map.of("dataset", "wbm", "metrics", "F1,n_structures (symprec=1e-5)"))
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("direction"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"F1", "F1,F1", "F1,no-such-metric", "F1,:MAE", "a,b,c,d,e", ""})
  void badMetricListIs400NamingMetrics(String metrics) {
    pareto(Map.of("dataset", "wbm", "subset", "full-test-set", "metrics", metrics))
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].name", equalTo("metrics"));
  }

  @Test
  void methodFiltersNarrowThePoints() {
    pareto(
            Map.of(
                "dataset",
                "wbm",
                "subset",
                "full-test-set",
                "metrics",
                "F1,parameter_count",
                "trained_only_on",
                "mptrj"))
        .statusCode(200)
        .body("applied_filters.trained_only_on", equalTo(List.of("mptrj")))
        .body(
            "points.method.slug",
            org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("grace-2l-oam")));
  }
}
