package org.mlmdkb.result;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mlmdkb.testsupport.ApiTest;

/**
 * The total of /results is read from maintained counts when the filter allows (per board, per
 * fingerprint and method) and counted otherwise; every way gives the exact number of live rows.
 */
@QuarkusTest
class ResultTotalsTest extends ApiTest {

  @Inject AgroalDataSource dataSource;

  @ParameterizedTest
  @CsvSource({
    "dataset,3bpa,,",
    "dataset,3bpa,target,forces",
    "subset,test-600k,,",
    "method,mace,,",
    "method,mace,status,reported",
    "status,reported,,",
    "metric,rmse,,"
  })
  void totalEqualsTheNumberOfLiveResultsTheFilterMatches(
      String name, String value, String otherName, String otherValue) throws SQLException {
    var request = given().queryParam(name, value).queryParam("limit", 1);
    if (otherName != null) {
      request.queryParam(otherName, otherValue);
    }
    request
        .when()
        .get("/api/v1/results")
        .then()
        .statusCode(200)
        .body("total", equalTo((int) liveCount(name, value, otherName, otherValue)));
  }

  private long liveCount(String name, String value, String otherName, String otherValue)
      throws SQLException {
    String sql =
        "SELECT count(*) FROM benchmark_result r JOIN method m ON m.id = r.method_id"
            + " JOIN dataset d ON d.id = r.dataset_id"
            + " LEFT JOIN dataset_subset s ON s.id = r.subset_id WHERE r.deleted_at IS NULL AND "
            + condition(name)
            + (otherName == null ? "" : " AND " + condition(otherName));
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, value);
      if (otherName != null) {
        ps.setString(2, otherValue);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static String condition(String name) {
    return switch (name) {
      case "dataset" -> "d.slug = ?";
      case "subset" -> "s.slug = ?";
      case "method" -> "m.slug = ?";
      case "metric" -> "lower(r.metric) = lower(?)";
      default -> "r." + name + " = ?";
    };
  }
}
