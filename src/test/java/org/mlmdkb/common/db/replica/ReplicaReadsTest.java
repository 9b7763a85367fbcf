package org.mlmdkb.common.db.replica;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlmdkb.curation.CurationFixtures.ADMIN_KEY;
import static org.mlmdkb.curation.CurationFixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.mlmdkb.testsupport.ApiTest;
import org.mlmdkb.testsupport.ReplicaControl;
import org.mlmdkb.testsupport.ReplicaProfile;

/** Public reads on a real streaming replica; writes and curators' reads on the primary. */
@QuarkusTest
@TestProfile(ReplicaProfile.class)
class ReplicaReadsTest extends ApiTest {

  @Inject ReadDataSource reads;
  @Inject ReplicaMonitor monitor;

  @Test
  void publicReadsAreServedByAStandby() throws SQLException {
    awaitReplicaInUse();
    try (Connection c = reads.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT pg_is_in_recovery()");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      assertTrue(rs.getBoolean(1), "the connection of a public read is a standby's");
    }
  }

  @Test
  void aWriteGoesToThePrimaryAndReachesTheReplicaForAnonymousReaders() throws SQLException {
    awaitReplicaInUse();
    String slug = "replica-" + unique();
    // Lag counts from the last replayed commit: make that recent, so pausing replay below leaves
    // the replica within the bound while the test reads from it.
    String warmUp = "warm-up-" + unique();
    createTag(warmUp);
    await(Duration.ofSeconds(20), () -> replicaHasTag(warmUp));
    ReplicaControl.pauseReplay();
    try {
      createTag(slug);
      // The replica has not replayed the write: anonymous readers are served by it, a caller
      // with a key by the primary, which has the tag.
      given().when().get("/api/v1/tags/" + slug).then().statusCode(404);
      given()
          .header("Authorization", "Bearer " + ADMIN_KEY)
          .when()
          .get("/api/v1/tags/" + slug)
          .then()
          .statusCode(200);
    } finally {
      ReplicaControl.resumeReplay();
    }
    await(Duration.ofSeconds(20), () -> replicaHasTag(slug));
    given().when().get("/api/v1/tags/" + slug).then().statusCode(200);
  }

  private static boolean replicaHasTag(String slug) {
    try (Connection replica = ReplicaControl.connect();
        PreparedStatement ps =
            replica.prepareStatement("SELECT count(*) FROM tag WHERE slug = ?")) {
      ps.setString(1, slug);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1) == 1;
      }
    } catch (SQLException e) {
      throw new AssertionError("replica not readable", e);
    }
  }

  @Test
  void aReplicaBehindTheLagBoundIsLeftOutAndTakenBackWhenItCatchesUp() throws SQLException {
    awaitReplicaInUse();
    String slug = "lagging-" + unique();
    ReplicaControl.pauseReplay();
    try {
      createTag(slug);
      await(Duration.ofSeconds(30), () -> monitor.state().status() == ReplicaState.Status.LAGGING);
      // Left out: the primary answers anonymous readers, who now see the write.
      given().when().get("/api/v1/tags/" + slug).then().statusCode(200);
      given()
          .when()
          .get("/q/health/ready")
          .then()
          .statusCode(200)
          .body(
              "checks.find { it.name == 'Database' }.data.replica",
              org.hamcrest.Matchers.equalTo("lagging"))
          .body(
              "checks.find { it.name == 'Database' }.data.reads_on",
              org.hamcrest.Matchers.equalTo("primary"));
    } finally {
      ReplicaControl.resumeReplay();
    }
    awaitReplicaInUse();
  }

  @Test
  void stoppingTheReplicaMidRunLeavesReadersWithoutErrors() throws Exception {
    awaitReplicaInUse();
    ReadLoad load = ReadLoad.start(4);
    try {
      Thread.sleep(1_000);
      ReplicaControl.stop();
      await(
          Duration.ofSeconds(20),
          () -> monitor.state().status() == ReplicaState.Status.UNREACHABLE);
      Thread.sleep(1_000);
    } finally {
      ReplicaControl.start();
    }
    awaitReplicaInUse();
    Thread.sleep(500);
    Map<Integer, Integer> statuses = load.stop();
    assertEquals(Map.of(200, load.total()), statuses, "every read answered 200");
    given()
        .when()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body(
            "checks.find { it.name == 'Database' }.data.reads_on",
            org.hamcrest.Matchers.equalTo("replica"));
  }

  @Test
  void readinessNamesBothDatabasesWithoutCredentials() {
    awaitReplicaInUse();
    String body =
        given()
            .when()
            .get("/q/health/ready")
            .then()
            .statusCode(200)
            .body(
                "checks.find { it.name == 'Database' }.name",
                org.hamcrest.Matchers.equalTo("Database"))
            .body(
                "checks.find { it.name == 'Database' }.data.primary",
                org.hamcrest.Matchers.equalTo("up"))
            .body(
                "checks.find { it.name == 'Database' }.data.replica",
                org.hamcrest.Matchers.equalTo("in_use"))
            .body(
                "checks.find { it.name == 'Database' }.data.replica_lag_ms",
                org.hamcrest.Matchers.notNullValue())
            .extract()
            .asString();
    assertTrue(!body.contains("user=") && !body.contains("password"), body);
  }

  private static void createTag(String slug) {
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .contentType(ContentType.JSON)
        .body(Map.of("slug", slug, "label", "Replica probe " + slug))
        .when()
        .post("/api/v1/tags")
        .then()
        .statusCode(201);
  }

  private void awaitReplicaInUse() {
    await(Duration.ofSeconds(60), () -> monitor.state().usable());
  }

  static void await(Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not reached within " + timeout);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }
}
