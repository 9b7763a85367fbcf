package org.mlmdkb.seed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mlmdkb.curation.CurationFixtures.newKey;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.mlmdkb.testsupport.ApiTest;

/** Seeded items are found again by their seed key, so curators' renames and edits survive. */
@QuarkusTest
class SeedKeysTest extends ApiTest {

  private static final String MERGE_PATCH = "application/merge-patch+json";

  @Inject SeedLoader loader;
  @Inject AgroalDataSource dataSource;

  @Test
  void aSeededMethodRenamedThroughTheApiKeepsItsNewSlugAfterACorpusChange() throws Exception {
    patchMethod("sgdml", "{\"slug\": \"sgdml-renamed\"}");

    reloadAsIfTheCorpusChanged();

    given().when().get("/api/v1/methods/sgdml").then().statusCode(404);
    given()
        .when()
        .get("/api/v1/methods/sgdml-renamed")
        .then()
        .statusCode(200)
        .body("lineage.parents.slug[0]", equalTo("gdml"));
    assertEquals(1, count("SELECT count(*) FROM method WHERE seed_key = 'sgdml'"));
    assertEquals(0, count("SELECT count(*) FROM method WHERE slug = 'sgdml'"));
  }

  @Test
  void aCorrectedSeedValueReachesAnItemNoCuratorChanged() throws Exception {
    String seeded = text("SELECT description FROM method WHERE seed_key = 'dimenet'");
    execute(
        "UPDATE method SET description = 'an older corpus said this' WHERE seed_key = 'dimenet'");

    reloadAsIfTheCorpusChanged();

    given().when().get("/api/v1/methods/dimenet").then().body("description", equalTo(seeded));
  }

  @Test
  void aCuratorsEditIsNotOverwrittenByTheSeed() throws Exception {
    patchMethod("aimnet2", "{\"description\": \"Edited by a curator.\"}");

    reloadAsIfTheCorpusChanged();

    given()
        .when()
        .get("/api/v1/methods/aimnet2")
        .then()
        .body("description", equalTo("Edited by a curator."));
  }

  private void patchMethod(String slug, String patch) {
    String etag = given().when().get("/api/v1/methods/" + slug).then().extract().header("ETag");
    given()
        .header("Authorization", "Bearer " + newKey("curator"))
        .header("If-Match", etag)
        .contentType(MERGE_PATCH)
        .body(patch)
        .when()
        .patch("/api/v1/methods/" + slug)
        .then()
        .statusCode(200);
  }

  /** A changed corpus has a new checksum; forgetting the recorded one has the same effect. */
  private void reloadAsIfTheCorpusChanged() throws SQLException {
    execute("DELETE FROM seed_load");
    loader.load();
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.executeUpdate();
    }
  }

  private long count(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private String text(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getString(1);
    }
  }
}
