package org.mlmdkb.curation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlmdkb.testsupport.ApiTest;

@QuarkusTest
class DumpResourceTest extends ApiTest {

  @Test
  void dumpsEveryLivePaperAndNoSecrets() {
    int total = given().queryParam("limit", 1).get("/api/v1/papers").then().extract().path("total");
    JsonPath dump =
        given()
            .when()
            .get("/api/v1/dump")
            .then()
            .statusCode(200)
            .contentType("application/json")
            .body("format", equalTo("mlmd-kb-dump/1"))
            .body("tables", hasKey("benchmark_result"))
            .body("tables.metric.name", hasItem("success_rate"))
            .body("tables", not(hasKey("api_key")))
            .body("tables", not(hasKey("change_history")))
            .extract()
            .jsonPath();
    List<Map<String, Object>> papers = dump.getList("tables.paper");
    assertEquals(total, papers.size());
    assertTrue(papers.stream().noneMatch(p -> p.containsKey("deleted_at")));
    assertTrue(dump.getList("tables.paper_author").size() > total);
  }

  @Test
  void dumpLeavesDraftsAndSearchColumnsOut() {
    JsonPath dump = given().when().get("/api/v1/dump").then().statusCode(200).extract().jsonPath();
    List<Map<String, Object>> articles = dump.getList("tables.article");
    assertTrue(articles.stream().allMatch(a -> "published".equals(a.get("status"))));
    assertTrue(
        articles.stream()
            .noneMatch(a -> "long-range-electrostatics-in-ml-potentials".equals(a.get("slug"))));
    List<Map<String, Object>> methods = dump.getList("tables.method");
    assertTrue(methods.stream().noneMatch(m -> m.containsKey("search_vector")));
  }
}
