package org.mlmdkb.search;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.mlmdkb.curation.CurationFixtures.ADMIN_KEY;
import static org.mlmdkb.curation.CurationFixtures.createPaper;
import static org.mlmdkb.curation.CurationFixtures.unique;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlmdkb.testsupport.ApiTest;

/** The index follows PostgreSQL: read-your-writes, other consumers within 2 s, crash recovery. */
@QuarkusTest
class SearchIndexTest extends ApiTest {

  private static final Duration OTHER_INSTANCE_DEADLINE = Duration.ofSeconds(2);

  @Inject AgroalDataSource dataSource;
  @Inject SearchIndex searchIndex;

  private Path otherDir;
  private IndexStore other;
  private ChangeFollower follower;

  @BeforeEach
  void openSecondConsumer() throws Exception {
    otherDir = Files.createTempDirectory("kb-search-second-");
    other = SearchIndex.openStore(otherDir, dataSource, Duration.ofDays(7));
    other.commitIfChanged();
  }

  @AfterEach
  void closeSecondConsumer() {
    if (follower != null) {
      follower.stop();
    }
    if (other != null) {
      other.close();
    }
    SearchIndex.wipe(otherDir);
  }

  @Test
  void paperCreatedWithPostIsFoundByTheVeryNextSearch() {
    String word = "quokkatron" + unique();
    long id = created("A study of " + word + " water models");
    JsonPath page = search(word);
    assertEquals(1, page.getInt("total"));
    assertEquals(Long.toString(id), page.getString("items[0].id"));
  }

  @Test
  void paperRetitledWithPatchIsFoundUnderItsNewTitleByTheVeryNextSearch() {
    ExtractableResponse<Response> created = createPaper(ADMIN_KEY, "Before " + unique());
    String word = "dunnartron" + unique();
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .header("If-Match", created.header("ETag"))
        .contentType("application/merge-patch+json")
        .body("{\"title\": \"After " + word + "\"}")
        .when()
        .patch("/api/v1/papers/" + created.path("id"))
        .then()
        .statusCode(200);
    JsonPath page = search(word);
    assertEquals(1, page.getInt("total"));
    assertEquals(created.path("id").toString(), page.getString("items[0].id"));
  }

  @Test
  void searchAnswers503WithRetryAfterWhileTheIndexLagsBehindThisInstancesWrites() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        // Every catch-up pass reads the change sequence first: this holds them all back.
        s.execute("LOCK TABLE search_change IN ACCESS EXCLUSIVE MODE");
      }
      searchIndex.writeCommitted();
      given()
          .queryParam("q", "water")
          .when()
          .get("/api/v1/search")
          .then()
          .statusCode(503)
          .contentType("application/problem+json")
          .header("Retry-After", "1");
      c.rollback();
    }
    assertEquals(200, given().queryParam("q", "water").when().get("/api/v1/search").statusCode());
  }

  @Test
  void secondConsumerOnTheSameDatabaseFindsANewPaperWithinTwoSeconds() throws Exception {
    startFollowing();
    long id = created("Second instance sees " + "wombatron" + unique());
    assertTrue(
        within(OTHER_INSTANCE_DEADLINE, () -> has(other, "paper:" + id)),
        "the second consumer did not see paper " + id + " within 2 s");
  }

  @Test
  void deletedPaperDisappearsFromSearchAndFromTheSecondConsumer() throws Exception {
    String word = "numbatron" + unique();
    ExtractableResponse<Response> created = createPaper(ADMIN_KEY, "Deleted soon " + word);
    long id = ((Number) created.path("id")).longValue();
    startFollowing();
    assertTrue(within(OTHER_INSTANCE_DEADLINE, () -> has(other, "paper:" + id)));
    given()
        .header("Authorization", "Bearer " + ADMIN_KEY)
        .header("If-Match", created.header("ETag"))
        .when()
        .delete("/api/v1/papers/" + id)
        .then()
        .statusCode(204);
    assertEquals(0, search(word).getInt("total"));
    assertTrue(
        within(OTHER_INSTANCE_DEADLINE, () -> !has(other, "paper:" + id)),
        "the second consumer still had deleted paper " + id + " after 2 s");
  }

  @Test
  void restartAfterUncommittedCatchUpResumesFromTheStoredWatermark() throws Exception {
    long id = created("Crash test " + "bilbytron" + unique());
    other.catchUp();
    assertTrue(has(other, "paper:" + id));
    // What kill -9 leaves: the change applied in memory, never committed.
    other.abandon();
    other = null;
    IndexStore reopened = new IndexStore(otherDir, dataSource, Duration.ofDays(7));
    reopened.openOrRebuild(reason -> fail("reopening rebuilt the index: " + reason));
    other = reopened;
    assertFalse(has(reopened, "paper:" + id), "the uncommitted change survived the crash");
    reopened.catchUp();
    assertTrue(has(reopened, "paper:" + id), "the change was lost across the restart");
  }

  @Test
  void indexOfAnotherFormatIsRebuiltOnOpen() throws Exception {
    other.close();
    other = null;
    try (var dir = org.apache.lucene.store.FSDirectory.open(otherDir);
        var writer =
            new org.apache.lucene.index.IndexWriter(
                dir, new org.apache.lucene.index.IndexWriterConfig())) {
      writer.setLiveCommitData(java.util.Map.of(IndexStore.FORMAT_KEY, "0").entrySet());
      writer.commit();
    }
    IndexStore reopened = new IndexStore(otherDir, dataSource, Duration.ofDays(7));
    StringBuilder why = new StringBuilder();
    reopened.openOrRebuild(why::append);
    other = reopened;
    assertTrue(why.toString().startsWith("format 0"), why.toString());
    assertTrue(count(reopened, new TermQuery(new Term(IndexFields.TYPE, "paper"))) > 100);
  }

  @Test
  void readinessIsUpOnceTheIndexIsOpen() {
    given()
        .when()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body(
            "checks.find { it.name == 'search-index' }.data.state",
            org.hamcrest.Matchers.equalTo("ready"));
  }

  private void startFollowing() {
    follower = new ChangeFollower(other, dataSource, Duration.ofMillis(500));
    follower.start();
  }

  private static long created(String title) {
    return ((Number) createPaper(ADMIN_KEY, title).path("id")).longValue();
  }

  private static JsonPath search(String q) {
    return given()
        .queryParam("q", q)
        .queryParam("type", "paper")
        .when()
        .get("/api/v1/search")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static boolean has(IndexStore store, String key) {
    return count(store, new TermQuery(new Term(IndexFields.KEY, key))) > 0;
  }

  private static int count(IndexStore store, org.apache.lucene.search.Query q) {
    try {
      IndexSearcher s = store.acquire();
      try {
        return s.count(q);
      } finally {
        store.release(s);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean within(Duration deadline, BooleanSupplier condition)
      throws InterruptedException {
    long end = System.nanoTime() + deadline.toNanos();
    while (System.nanoTime() < end) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(50);
    }
    return condition.getAsBoolean();
  }
}
