package org.mlmdkb.paper;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mlmdkb.testsupport.ApiTest;

@QuarkusTest
class PaperResourceTest extends ApiTest {

  @Test
  void returnsPaperByDoiWithAuthorsInBylineOrder() {
    // Behler & Parrinello 2007, babel.bib key bp2007q; the DOI's case does not matter.
    given()
        .urlEncodingEnabled(false)
        .when()
        .get("/api/v1/papers/doi:10.1103/PhysRevLett.98.146401")
        .then()
        .statusCode(200)
        .body("doi", equalTo("10.1103/physrevlett.98.146401"))
        .body("year", equalTo(2007))
        .body("venue", equalTo("Physical Review Letters"))
        .body("authors.name", contains("Jörg Behler", "Michele Parrinello"));
  }

  @Test
  void returnsPaperByArxivIdIgnoringVersion() {
    String arxiv =
        given()
            .queryParam("limit", 100)
            .queryParam("fields", "arxiv_id")
            .queryParam("q", "equivariant")
            .when()
            .get("/api/v1/papers")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items.arxiv_id", String.class)
            .stream()
            .filter(a -> a != null)
            .findFirst()
            .orElseThrow();
    given()
        .when()
        .get("/api/v1/papers/arxiv:" + arxiv + "v2")
        .then()
        .statusCode(200)
        .body("arxiv_id", equalTo(arxiv));
  }

  @Test
  void pagingWithNextCursorVisitsEveryPaperExactlyOnce() {
    Set<Integer> seen = new HashSet<>();
    String cursor = null;
    int total = -1;
    int pages = 0;
    do {
      var request = given().queryParam("limit", 100).queryParam("fields", "id");
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      JsonPath page =
          request.when().get("/api/v1/papers").then().statusCode(200).extract().jsonPath();
      total = page.getInt("total");
      for (Integer id : page.getList("items.id", Integer.class)) {
        assertTrue(seen.add(id), "paper " + id + " seen twice");
      }
      cursor = page.getString("next_cursor");
      pages++;
    } while (cursor != null && pages < 100);
    assertEquals(total, seen.size());
    assertTrue(total >= 1500, "at least 1,500 papers, was " + total);
  }

  @Test
  void filtersByYearRangeAndSortsByYearAscending() {
    List<Integer> years =
        given()
            .queryParam("year", "2019..2020")
            .queryParam("sort", "year")
            .queryParam("limit", 100)
            .when()
            .get("/api/v1/papers")
            .then()
            .statusCode(200)
            .body("items.year", everyItem(greaterThanOrEqualTo(2019)))
            .body("items.year", everyItem(lessThanOrEqualTo(2020)))
            .extract()
            .jsonPath()
            .getList("items.year", Integer.class);
    assertEquals(years.stream().sorted().toList(), years);
  }

  @Test
  void filtersByAuthorIgnoringAccents() {
    given()
        .queryParam("author", "Schutt")
        .when()
        .get("/api/v1/papers")
        .then()
        .statusCode(200)
        .body("total", greaterThanOrEqualTo(5))
        .body("items[0].authors.name", hasItem(org.hamcrest.Matchers.containsString("Schütt")));
  }

  @Test
  void tagFilterIncludesSubTags() {
    int parent =
        given()
            .queryParam("tag", "ml-potentials")
            .when()
            .get("/api/v1/papers")
            .then()
            .statusCode(200)
            .extract()
            .path("total");
    int child =
        given()
            .queryParam("tag", "equivariance")
            .when()
            .get("/api/v1/papers")
            .then()
            .statusCode(200)
            .extract()
            .path("total");
    assertTrue(child > 0 && parent > child, "parent " + parent + " child " + child);
  }

  @Test
  void fieldsSelectsPropertiesAndKeepsId() {
    given()
        .queryParam("fields", "title")
        .queryParam("limit", 1)
        .when()
        .get("/api/v1/papers")
        .then()
        .statusCode(200)
        .body("items[0].id", notNullValue())
        .body("items[0].title", notNullValue())
        .body("items[0].keySet()", hasSize(2));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "limit|0",
        "limit|1000",
        "limit|abc",
        "year|abc",
        "year|2023..2019",
        "sort|citations",
        "cursor|not-a-cursor",
        "has_code|maybe",
        "fields|title,secret",
        "yeer|2020"
      })
  void badListParameterIs400ProblemNamingIt(String name, String value) {
    given()
        .queryParam(name, value)
        .when()
        .get("/api/v1/papers")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].name", equalTo(name))
        .body("errors[0].in", equalTo("query"));
  }

  @Test
  void aPrefixSlashSuffixDoiWithoutARegistrantPrefixIs404() {
    given()
        .when()
        .get("/api/v1/papers/doi:1956/physrevlett.98.146401")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @ParameterizedTest
  @CsvSource({"doi:not-a-doi", "arxiv:xyz", "abc"})
  void malformedPaperRefIs400(String ref) {
    given()
        .when()
        .get("/api/v1/papers/" + ref)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].name", equalTo("ref"));
  }

  @Test
  void returnsPaperByPercentEncodedDoi() {
    given()
        .urlEncodingEnabled(false)
        .when()
        .get("/api/v1/papers/doi:10.1103%2Fphysrevlett.98.146401")
        .then()
        .statusCode(200)
        .body("title", org.hamcrest.Matchers.containsString("Neural-Network"));
  }

  @Test
  void unknownPaperIs404Problem() {
    given()
        .when()
        .get("/api/v1/papers/doi:10.9999/does-not-exist")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
