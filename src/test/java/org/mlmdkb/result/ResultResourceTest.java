package org.mlmdkb.result;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mlmdkb.testsupport.ApiTest;

@QuarkusTest
class ResultResourceTest extends ApiTest {
  @Inject AgroalDataSource dataSource;

  private static final RestAssuredConfig DECIMALS =
      RestAssuredConfig.config()
          .jsonConfig(
              JsonConfig.jsonConfig()
                  .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

  @Test
  void firstPageHasTwentyResultsInIdOrderAndTheExactTotal() {
    JsonPath body =
        given()
            .when()
            .get("/api/v1/results")
            .then()
            .statusCode(200)
            .contentType("application/json")
            .body("items", hasSize(20))
            .body("next_cursor", notNullValue())
            .body("total", equalTo(liveResultCount()))
            .extract()
            .jsonPath();
    List<Integer> ids = body.getList("items.id", Integer.class);
    assertEquals(ids.stream().sorted().toList(), ids);
  }

  /** Counted in the database: other test classes may add results before this one runs. */
  private int liveResultCount() {
    try (Connection c = dataSource.getConnection();
        ResultSet rs =
            c.createStatement()
                .executeQuery("SELECT count(*) FROM benchmark_result WHERE deleted_at IS NULL")) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void pagingWithNextCursorVisitsEveryMatchingResultOnce() {
    Set<Integer> seen = new HashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      var request = given().queryParam("dataset", "md17").queryParam("limit", 7);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      JsonPath page =
          request.when().get("/api/v1/results").then().statusCode(200).extract().jsonPath();
      for (Integer id : page.getList("items.id", Integer.class)) {
        assertTrue(seen.add(id), "result " + id + " seen twice");
      }
      cursor = page.getString("next_cursor");
      pages++;
    } while (cursor != null && pages < 10);
    assertEquals(20, seen.size());
    assertEquals(3, pages);
  }

  @Test
  void filtersByDatasetTargetAndStatus() {
    given()
        .queryParam("dataset", "md17")
        .queryParam("target", "forces")
        .queryParam("status", "reproduced")
        .when()
        .get("/api/v1/results")
        .then()
        .statusCode(200)
        .body("total", equalTo(10))
        .body("items.dataset.slug", everyItem(equalTo("md17")))
        .body("items.unit", everyItem(equalTo("kcal/mol/Å")))
        .body("items.status", everyItem(equalTo("reproduced")));
  }

  @Test
  void statusFilterLeavesOutOtherStates() {
    given()
        .queryParam("dataset", "md17")
        .queryParam("status", "reported")
        .when()
        .get("/api/v1/results")
        .then()
        .statusCode(200)
        .body("total", equalTo(0))
        .body("items", hasSize(0));
  }

  @Test
  void unitConvertsEveryItemAndKeepsTheReportedValue() {
    given()
        .config(DECIMALS)
        .queryParam("dataset", "md17")
        .queryParam("subset", "aspirin-ccsd")
        .queryParam("method", "painn")
        .queryParam("target", "forces")
        .queryParam("unit", "meV/Å")
        .when()
        .get("/api/v1/results")
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("items[0].value", equalTo(new BigDecimal("0.8550565242767334")))
        .body("items[0].unit", equalTo("kcal/mol/Å"))
        .body("items[0].converted_value", equalTo(new BigDecimal("37.07876025136826")))
        .body("items[0].converted_unit", equalTo("meV/Å"))
        .body("items[0].provenance.repository", equalTo("aimat-lab/gcnn_keras"));
  }

  @Test
  void percentValuesConvertToFractions() {
    given()
        .config(DECIMALS)
        .queryParam("dataset", "oc20")
        .queryParam("metric", "efwt")
        .queryParam("unit", "1")
        .queryParam("limit", 100)
        .when()
        .get("/api/v1/results")
        .then()
        .statusCode(200)
        .body("total", equalTo(33))
        .body("items.find { it.value == 4.56 }.converted_value", equalTo(new BigDecimal("0.0456")));
  }

  @Test
  void resultWithoutSubsetHasNullSubset() {
    given()
        .queryParam("dataset", "mlip-arena-ev")
        .when()
        .get("/api/v1/results")
        .then()
        .statusCode(200)
        .body("items", not(hasSize(0)))
        .body("items.subset", everyItem(nullValue()));
  }

  @Test
  void withoutUnitItemsCarryNoConversion() {
    given()
        .queryParam("limit", 1)
        .when()
        .get("/api/v1/results")
        .then()
        .statusCode(200)
        .body("items[0]", not(hasKey("converted_value")));
  }

  @Test
  void unitAcrossDimensionsIs400ProblemBeforeAnyPage() {
    given()
        .queryParam("dataset", "md17")
        .queryParam("unit", "meV/Å")
        .when()
        .get("/api/v1/results")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:mlmd-kb:problem:incompatible-units"))
        .body("detail", containsString("kcal/mol (energy per structure)"))
        .body("errors[0].name", equalTo("unit"));
  }

  @Test
  void csvExportHasOneHeaderRowWithUnitsAndALinkToTheNextPage() throws Exception {
    var response =
        given()
            .queryParam("dataset", "md17")
            .queryParam("target", "forces")
            .queryParam("unit", "meV/Å")
            .queryParam("limit", 4)
            .accept("text/csv")
            .when()
            .get("/api/v1/results")
            .then()
            .statusCode(200)
            .contentType(startsWith("text/csv"))
            .header("Link", containsString("rel=\"next\""))
            .extract();
    List<CSVRecord> records =
        CSVFormat.RFC4180.parse(new StringReader(response.asString().substring(1))).getRecords();
    List<String> header = records.get(0).toList();
    assertTrue(header.contains("value [meV/Å]"), header.toString());
    assertTrue(header.contains("reported_unit"), header.toString());
    assertTrue(header.contains("temperature [K]"), header.toString());
    assertEquals(5, records.size());
    int unit = header.indexOf("reported_unit");
    assertTrue(records.stream().skip(1).allMatch(r -> r.get(unit).equals("kcal/mol/Å")));
  }

  @Test
  void formatJsonOverridesAnAcceptHeaderAskingForCsv() {
    given()
        .queryParam("format", "json")
        .queryParam("limit", 1)
        .accept("text/csv")
        .when()
        .get("/api/v1/results")
        .then()
        .statusCode(200)
        .contentType("application/json");
  }

  @Test
  void unknownDatasetIs404ProblemNamingIt() {
    given()
        .queryParam("dataset", "no-such-dataset")
        .when()
        .get("/api/v1/results")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("errors[0].name", equalTo("dataset"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "limit|0",
        "limit|101",
        "limit|abc",
        "cursor|not-a-cursor",
        "paper|abc",
        "status|verified",
        "unit|furlongs",
        "format|xml",
        "sort|value"
      })
  void badParameterIs400ProblemNamingIt(String name, String value) {
    given()
        .queryParam(name, value)
        .when()
        .get("/api/v1/results")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].name", equalTo(name))
        .body("errors[0].in", equalTo("query"));
  }
}
