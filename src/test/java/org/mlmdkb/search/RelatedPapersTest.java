package org.mlmdkb.search;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlmdkb.curation.CurationFixtures.ADMIN_KEY;
import static org.mlmdkb.curation.CurationFixtures.createPaper;
import static org.mlmdkb.curation.CurationFixtures.deleteAsAdmin;
import static org.mlmdkb.curation.CurationFixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlmdkb.testsupport.ApiTest;

/** Related papers come from the index: alike titles rank first, deleted papers never appear. */
@QuarkusTest
class RelatedPapersTest extends ApiTest {

  /** A word of letters only that no other paper holds. */
  private static String word() {
    StringBuilder out = new StringBuilder("zorb");
    for (char c : unique().toCharArray()) {
      out.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : c);
    }
    return out.toString();
  }

  private static long id(ExtractableResponse<Response> created) {
    return ((Number) created.path("id")).longValue();
  }

  private static JsonPath related(long id) {
    return given()
        .get("/api/v1/papers/" + id + "/related")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .extract()
        .jsonPath();
  }

  @Test
  void aNearIdenticalTitleIsTheMostRelatedScoringCloseToFour() {
    String topic = word();
    long first = id(createPaper(ADMIN_KEY, "Lattice dynamics of " + topic + " quasicrystals"));
    long second =
        id(createPaper(ADMIN_KEY, "Lattice dynamics of " + topic + " quasicrystals, revisited"));
    JsonPath page = related(first);
    assertEquals(second, page.getLong("items[0].id"), page.prettify());
    assertTrue(page.getDouble("items[0].score") > 3, page.prettify());
  }

  @Test
  void deletedPaperNeverAppearsAmongRelatedPapers() {
    String topic = word();
    long kept = id(createPaper(ADMIN_KEY, "Phonon transport in " + topic + " glasses"));
    ExtractableResponse<Response> gone =
        createPaper(ADMIN_KEY, "Phonon transport in " + topic + " glasses at high pressure");
    assertTrue(related(kept).getList("items.id", Long.class).contains(id(gone)));

    deleteAsAdmin("/api/v1/papers/" + id(gone), gone);

    List<Long> after = related(kept).getList("items.id", Long.class);
    assertFalse(after.contains(id(gone)), after.toString());
  }
}
