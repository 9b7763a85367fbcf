package org.mlmdkb.result;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.mlmdkb.curation.CurationFixtures.newKey;
import static org.mlmdkb.curation.CurationFixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlmdkb.testsupport.ApiTest;

@QuarkusTest
class ExtremeNumbersTest extends ApiTest {

  private static final String HEADER =
      "method,dataset,subset,task,target,metric,value,unit,basis,n_train,split,repository,path\n";

  private static String csvRow(String value) {
    return "painn,3bpa,test-600k,energy-forces,forces,MAE,%s,meV/Å,none,500,extreme-%s,https://github.com/example/benchmarks,results/test.csv\n"
        .formatted(value, unique());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e999999", "1e309", "-1e13", "1e-999999"})
  void anExtremeCsvValueIsA422NamingTheField(String value) {
    given()
        .header("Authorization", "Bearer " + newKey("curator"))
        .contentType("text/csv; charset=UTF-8")
        .body((HEADER + csvRow(value)).getBytes(StandardCharsets.UTF_8))
        .when()
        .post("/api/v1/imports")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.message", hasItem(containsString("value")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e999999", "1e309", "-1e13"})
  void anExtremeJsonValueIsA422NamingTheField(String value) {
    String json =
        """
        [{"method": "painn", "dataset": "3bpa", "subset": "test-600k", "task": "energy-forces",
          "target": "forces", "metric": "MAE", "value": %s, "unit": "meV/Å", "basis": "none",
          "n_train": 500, "split": "extreme-%s", "repository": "https://github.com/example/b",
          "path": "results/test.csv"}]
        """
            .formatted(value, unique());
    given()
        .header("Authorization", "Bearer " + newKey("curator"))
        .contentType("application/json; charset=UTF-8")
        .body(json.getBytes(StandardCharsets.UTF_8))
        .when()
        .post("/api/v1/imports")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.message", hasItem(containsString("value")));
  }
}
