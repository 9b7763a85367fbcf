package org.mlmdkb.result;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mlmdkb.testsupport.ApiTest;

@QuarkusTest
class CompareResourceTest extends ApiTest {

  @Test
  void threeBpaForcesMatrixHasAColumnPerSubsetAndBestCellsMarked() {
    JsonPath body =
        given()
            .queryParam("methods", "nequip,mace")
            .queryParam("dataset", "3bpa")
            .queryParam("target", "forces")
            .queryParam("n_train", 500)
            .queryParam("unit", "meV/Å")
            .when()
            .get("/api/v1/compare")
            .then()
            .statusCode(200)
            .contentType("application/json")
            .body("dataset.slug", equalTo("3bpa"))
            .body("rows.method.slug", equalTo(List.of("nequip", "mace")))
            .extract()
            .jsonPath(
                JsonPathConfig.jsonPathConfig()
                    .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    // Not "columns.fingerprint.subset.slug": GPath drops the null subset and shifts indexes.
    List<String> subsets =
        body.getList("columns.fingerprint.subset", java.util.Map.class).stream()
            .map(m -> m == null ? null : (String) m.get("slug"))
            .toList();
    int col = subsets.indexOf("test-600k");
    assertTrue(col >= 0, subsets.toString());
    assertTrue(subsets.containsAll(List.of("test-300k", "test-1200k")), subsets.toString());
    assertEquals("meV/Å", body.getString("columns[" + col + "].unit"));
    assertEquals(
        "26.727231219410896", body.getString("rows[1].cells[" + col + "].value"), body.prettify());
    assertEquals(true, body.getBoolean("rows[1].cells[" + col + "].best"));
    assertEquals(false, body.getBoolean("rows[0].cells[" + col + "].best"));
  }

  @Test
  void methodWithoutResultsOnTheDatasetGetsARowOfNullCells() {
    JsonPath body =
        given()
            .queryParam("methods", "painn,mace")
            .queryParam("dataset", "md17")
            .queryParam("target", "forces")
            .when()
            .get("/api/v1/compare")
            .then()
            .statusCode(200)
            .body("rows.method.slug", equalTo(List.of("painn", "mace")))
            .body("rows[1].cells", everyItem(nullValue()))
            .body("rows[0].cells", everyItem(notNullValue()))
            .extract()
            .jsonPath();
    assertEquals(5, body.getList("columns").size());
    assertEquals("kcal/mol/Å", body.getString("columns[0].unit"));
  }

  @Test
  void unitThatDoesNotFitEveryColumnIs400Problem() {
    given()
        .queryParam("methods", "painn")
        .queryParam("dataset", "md17")
        .queryParam("unit", "meV/Å")
        .when()
        .get("/api/v1/compare")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:mlmd-kb:problem:incompatible-units"));
  }

  @Test
  void unknownMethodIs404ProblemNamingMethods() {
    given()
        .queryParam("methods", "painn,no-such-method")
        .queryParam("dataset", "md17")
        .when()
        .get("/api/v1/compare")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("errors[0].name", equalTo("methods"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"methods||md17", "dataset|painn|", "methods|a,b,c,d,e,f,g,h,i,j,k|md17"})
  void missingOrTooManyParametersAre400ProblemNamingThem(
      String name, String methods, String dataset) {
    var request = given();
    if (methods != null) {
      request.queryParam("methods", methods);
    }
    if (dataset != null) {
      request.queryParam("dataset", dataset);
    }
    request
        .when()
        .get("/api/v1/compare")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].name", equalTo(name));
  }
}
