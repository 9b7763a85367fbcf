package org.mlmdkb.method;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mlmdkb.testsupport.ApiTest;

@QuarkusTest
class MethodResourceTest extends ApiTest {

  @Test
  void listsAtLeastSixtyMethodsOrderedBySlug() {
    given()
        .queryParam("limit", 100)
        .when()
        .get("/api/v1/methods")
        .then()
        .statusCode(200)
        .body("total", greaterThanOrEqualTo(60))
        .body("items[0].slug", equalTo("ace"))
        .body("next_cursor", notNullValue());
  }

  @Test
  void maceShowsLineageBothWaysAndResultsWithUnitsAndProvenance() {
    given()
        .when()
        .get("/api/v1/methods/mace")
        .then()
        .statusCode(200)
        .body("name", equalTo("MACE"))
        .body("lineage.children.slug", hasItem("mace-mp-0"))
        .body("lineage.ancestors.slug", hasItems("ace"))
        .body("results_total", greaterThan(0))
        .body("results.unit", everyItem(org.hamcrest.Matchers.isOneOf("eV/atom", "eV/Å")))
        .body("results[0].provenance.repository", equalTo("jvita/data_efficiency_in_IAPS"))
        .body("results[0].provenance.commit", equalTo("cf3508b7a7341945da97de2b3d8aa6426016d53f"))
        .body("results[0].provenance.location", notNullValue());
  }

  @Test
  void nequipLinksItsDescendantsAndItsPaper() {
    given()
        .when()
        .get("/api/v1/methods/NequIP")
        .then()
        .statusCode(200)
        .body("slug", equalTo("nequip"))
        .body("lineage.children.slug", hasItem("sevennet"))
        .body("lineage.descendants.slug", hasItem("nequip-oam-l-0.1"))
        .body("paper.doi", equalTo("10.1038/s41467-022-29939-5"))
        .body("paper.id", notNullValue())
        .body("family", equalTo("equivariant-message-passing"));
  }

  @Test
  void familyFilterReturnsOnlyThatFamily() {
    given()
        .queryParam("family", "universal")
        .queryParam("limit", 100)
        .when()
        .get("/api/v1/methods")
        .then()
        .statusCode(200)
        .body("items.family", everyItem(equalTo("universal")))
        .body("items.slug", hasItem("mace-mp-0"));
  }

  @Test
  void unknownMethodIs404() {
    given()
        .when()
        .get("/api/v1/methods/no-such-method")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @ParameterizedTest
  @CsvSource({"family,transformers", "limit,0", "cursor,@@@", "colour,blue"})
  void badParameterIs400NamingIt(String name, String value) {
    given()
        .queryParam(name, value)
        .when()
        .get("/api/v1/methods")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].name", equalTo(name));
  }

  @Test
  void malformedSlugIs400() {
    given()
        .when()
        .get("/api/v1/methods/bad slug!")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].name", equalTo("slug"));
  }
}
