package org.mlmdkb.result;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlmdkb.testsupport.ApiTest;

/** /results?method= pages through every live result of the method, each exactly once. */
@QuarkusTest
class ResultPagingByMethodTest extends ApiTest {

  @Inject AgroalDataSource dataSource;

  @Test
  void pagingByMethodReachesEveryResultExactlyOnceWithAnExactTotal() throws SQLException {
    String slug;
    List<Long> expected;
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT m.slug FROM benchmark_result r JOIN method m ON m.id = r.method_id"
                  + " WHERE r.deleted_at IS NULL GROUP BY m.slug HAVING count(*) > 7"
                  + " ORDER BY count(*) DESC, m.slug LIMIT 1")) {
        rs.next();
        slug = rs.getString(1);
      }
      expected = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT r.id FROM benchmark_result r JOIN method m ON m.id = r.method_id"
                  + " WHERE r.deleted_at IS NULL AND m.slug = '"
                  + slug
                  + "' ORDER BY r.id")) {
        while (rs.next()) {
          expected.add(rs.getLong(1));
        }
      }
    }
    List<Long> seen = new ArrayList<>();
    String cursor = null;
    do {
      var request = given().queryParam("method", slug).queryParam("limit", 7);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      JsonPath page =
          request.when().get("/api/v1/results").then().statusCode(200).extract().jsonPath();
      assertEquals(expected.size(), page.getLong("total"));
      seen.addAll(page.getList("items.id", Long.class));
      cursor = page.getString("next_cursor");
    } while (cursor != null);
    assertEquals(expected, seen);
  }
}
