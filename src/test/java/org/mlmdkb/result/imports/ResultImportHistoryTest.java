package org.mlmdkb.result.imports;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mlmdkb.curation.CurationFixtures.newKey;
import static org.mlmdkb.curation.CurationFixtures.unique;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlmdkb.result.ResultInput;
import org.mlmdkb.testsupport.ApiTest;

/**
 * The change history of an imported result holds its state exactly as a single write records one
 * ({@code json.valueToTree(state).toString()}, which HistoryRepository.record stores), although the
 * import builds it in SQL.
 */
@QuarkusTest
class ResultImportHistoryTest extends ApiTest {

  @Inject AgroalDataSource dataSource;
  @Inject ObjectMapper json;

  /** A row with every field set; the three decimals are written as {@code number}. */
  private String row(String split, String number) throws SQLException {
    return """
        {"method": "painn", "method_variant": "v \\"2\\"", "dataset": "3bpa",
         "subset": "test-600k", "task": "energy-forces", "target": "forces", "metric": "MAE",
         "value": %1$s, "unit": "meV/Å", "basis": "per-atom", "n_train": 500, "split": "%2$s",
         "uncertainty": %1$s, "n_runs": 3, "temperature_k": %1$s, "level_of_theory": "PBE",
         "status": "reproduced", "reported_on": "2024-02-29", "paper": %3$d,
         "source": "%4$s", "repository": "https://github.com/example/benchmarks",
         "path": "results/history.json", "commit": "0123abc", "location": "row 1 — ü"}
        """
        .formatted(number, split, first("SELECT min(id) FROM live_paper"), firstSource());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.50", "10", "100.0", "0.000", "1E+3", "2.5E-7", "3.1400", "0.125"})
  void importedResultsHistoryIsTheStateASingleWriteRecords(String number) throws Exception {
    String body =
        given()
            .header("Authorization", "Bearer " + newKey("curator"))
            .contentType("application/json; charset=UTF-8")
            .body(("[" + row("history-" + unique(), number) + "]").getBytes(StandardCharsets.UTF_8))
            .post("/api/v1/imports")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    // Decimals as written, not as doubles.
    JsonNode item =
        json.reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .readTree(body)
            .get("items")
            .get(0);
    assertEquals("created", item.get("status").asText());
    ResultInput parsed = json.treeToValue(item.get("parsed"), ResultInput.class);
    String expected = json.valueToTree(parsed).toString();

    assertEquals(
        List.of(jsonbText(expected)), historyAfter(item.get("result_id").asLong()), number);
  }

  /** The creation entries of a result, as PostgreSQL prints their state. */
  private List<String> historyAfter(long resultId) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT after::text FROM change_history"
                    + " WHERE collection = 'results' AND item_id = ? AND action = 'create'")) {
      ps.setLong(1, resultId);
      List<String> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    }
  }

  /** How PostgreSQL stores and prints this JSON text (jsonb keeps a number's scale). */
  private String jsonbText(String text) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT ?::jsonb::text")) {
      ps.setString(1, text);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  private long first(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private String firstSource() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT min(id) FROM source");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getString(1);
    }
  }
}
