package org.mlmdkb.result;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlmdkb.testsupport.ApiTest;

/** Honest ranks: equal values share a rank (1, 2, 2, 4) and are marked tied. */
@QuarkusTest
class BoardRanksTest extends ApiTest {

  @Test
  void equalValuesShareARankAndTheNextRankSkipsAhead() {
    List<BigDecimal> seed =
        SeedResults.where(
                r ->
                    r.get("key").asText().startsWith("matbench-discovery:")
                        && r.get("key").asText().endsWith(":discovery:full_test_set:F1"))
            .stream()
            .map(r -> new BigDecimal(r.get("value").asText()))
            .sorted(Comparator.reverseOrder())
            .toList();
    // Standard competition ranking of the seed values: 1 + the number of strictly better ones.
    List<Integer> expected = new ArrayList<>();
    for (BigDecimal v : seed) {
      expected.add(1 + (int) seed.stream().filter(o -> o.compareTo(v) > 0).count());
    }
    JsonPath body =
        given()
            .queryParam("subset", "full-test-set")
            .queryParam("metric", "F1")
            .when()
            .get("/api/v1/leaderboards/{dataset}", "wbm")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath(
                JsonPathConfig.jsonPathConfig()
                    .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    List<Integer> ranks = body.getList("rows.rank", Integer.class);
    List<Boolean> tied = body.getList("rows.tied", Boolean.class);
    List<BigDecimal> values = body.getList("rows.value", BigDecimal.class);
    assertEquals(expected, ranks);
    assertTrue(tied.contains(true), "the seed's F1 board holds equal values");
    for (int i = 1; i < values.size(); i++) {
      boolean equal = values.get(i).compareTo(values.get(i - 1)) == 0;
      assertEquals(equal, tied.get(i), "row " + i);
    }
  }
}
