package org.mlmdkb.paper;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.mlmdkb.curation.CurationFixtures.ADMIN_KEY;
import static org.mlmdkb.curation.CurationFixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Year;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlmdkb.testsupport.ApiTest;

/** A paper's year, whether given or taken from its date, and its date itself must be real. */
@QuarkusTest
class PaperDateRulesTest extends ApiTest {

  private static ValidatableResponse post(Object year, String date) {
    Map<String, Object> body = new HashMap<>();
    body.put("entry_type", "article");
    body.put("title", "Dated " + unique());
    if (year != null) {
      body.put("year", year);
    }
    body.put("date", date);
    return given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/api/v1/papers")
        .then();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0000", "2999", "0999-01-01"})
  void aYearOutOfRangeTakenFromTheDateIs422NamingDate(String date) {
    post(null, date)
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.name", contains("date"));
  }

  @Test
  void aYearAfterNextYearIs422NamingYear() {
    post(Year.now().getValue() + 2, null).statusCode(422).body("errors.name", contains("year"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-13-45", "2024-13", "2024-00", "2023-02-29", "2024-04-31"})
  void aDateThatIsNoCalendarDateIs422NamingDate(String date) {
    post(null, date)
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.name", contains("date"));
  }

  @Test
  void aLeapDayIsADateAndGivesTheYear() {
    post(null, "2024-02-29").statusCode(201).body("year", equalTo(2024));
  }
}
