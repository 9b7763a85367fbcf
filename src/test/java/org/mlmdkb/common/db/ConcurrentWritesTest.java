package org.mlmdkb.common.db;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mlmdkb.curation.CurationFixtures.newKey;
import static org.mlmdkb.curation.CurationFixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.mlmdkb.testsupport.ApiTest;

@QuarkusTest
class ConcurrentWritesTest extends ApiTest {

  private static final int RACERS = 32;

  /** Every racer posts the same body at once; answers are counted by status. */
  private static Map<Integer, Integer> race(String path, Map<String, Object> body)
      throws Exception {
    String key = newKey("curator");
    ExecutorService pool = Executors.newFixedThreadPool(RACERS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Response>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < RACERS; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return given()
                      .header("Authorization", "Bearer " + key)
                      .contentType(ContentType.JSON)
                      .body(body)
                      .when()
                      .post(path);
                }));
      }
      start.countDown();
      Map<Integer, Integer> byStatus = new TreeMap<>();
      for (Future<Response> answer : answers) {
        Response response = answer.get();
        byStatus.merge(response.statusCode(), 1, Integer::sum);
        if (response.statusCode() != 201) {
          assertEquals("application/problem+json", response.contentType());
        }
      }
      return byStatus;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void racingCreatesOfOneTagSlugGiveOne201AndOnly409s() throws Exception {
    String slug = "race-" + unique();
    Map<Integer, Integer> byStatus =
        race("/api/v1/tags", Map.of("slug", slug, "label", "Raced tag"));
    assertEquals(Map.of(201, 1, 409, RACERS - 1), byStatus);
    given()
        .when()
        .get("/api/v1/tags/" + slug + "/history")
        .then()
        .statusCode(200)
        .body("items.size()", org.hamcrest.Matchers.equalTo(1));
  }

  @Test
  void racingCreatesOfOneMethodSlugGiveOne201AndOnly409s() throws Exception {
    String slug = "race-" + unique();
    Map<Integer, Integer> byStatus =
        race(
            "/api/v1/methods",
            Map.of("slug", slug, "name", "Raced method " + slug, "family", "other"));
    assertEquals(Map.of(201, 1, 409, RACERS - 1), byStatus);
  }
}
