package org.mlmdkb.common.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mlmdkb.testsupport.ApiTest;

/** {@code fields=} on every list: each item keeps its key and exactly the named properties. */
@QuarkusTest
class FieldSelectionListsTest extends ApiTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/v1/methods|items|slug|name,parameter_count",
        "/api/v1/datasets|items|slug|domain,name",
        "/api/v1/articles|items|slug|title",
        "/api/v1/tags|items|slug|label,paper_count",
        "/api/v1/results|items|id|metric,value,unit",
        "/api/v1/leaderboards/wbm?subset=full-test-set&metric=F1|rows|method|rank,value"
      })
  void listKeepsItsKeyAndTheSelectedPropertiesInOrder(
      String path, String list, String key, String fields) {
    List<Map<String, Object>> items =
        given()
            .queryParam("fields", fields)
            .when()
            .get(path)
            .then()
            .statusCode(200)
            .contentType("application/json")
            .extract()
            .jsonPath()
            .getList(list);
    assertFalse(items.isEmpty(), path);
    List<String> expected = new java.util.ArrayList<>(List.of(key));
    expected.addAll(List.of(fields.split(",")));
    for (Map<String, Object> item : items) {
      assertEquals(
          new java.util.TreeSet<>(expected),
          new java.util.TreeSet<>(item.keySet()),
          item.toString());
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/v1/methods",
        "/api/v1/datasets",
        "/api/v1/articles",
        "/api/v1/tags",
        "/api/v1/results",
        "/api/v1/leaderboards/wbm?subset=full-test-set&metric=F1"
      })
  void unknownFieldIs400ListingTheSelectableOnes(String path) {
    given()
        .queryParam("fields", "no_such_property")
        .when()
        .get(path)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].name", equalTo("fields"))
        .body("detail", containsString("no_such_property"))
        .body("detail", not(containsString("Exception")));
  }
}
