package org.mlmdkb.common.db.replica;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Anonymous public reads in a loop on a few threads, counting the answers by status. */
final class ReadLoad {

  private static final List<String> PATHS =
      List.of(
          "/api/v1/papers?limit=5",
          "/api/v1/stats",
          "/api/v1/methods/mace",
          "/api/v1/leaderboards/3bpa",
          "/api/v1/tags");

  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
  private final AtomicInteger total = new AtomicInteger();
  private final ExecutorService threads;

  private ReadLoad(int threadCount) {
    threads = Executors.newFixedThreadPool(threadCount);
    for (int t = 0; t < threadCount; t++) {
      int offset = t;
      threads.submit(
          () -> {
            for (int i = offset; running.get(); i++) {
              int status;
              try {
                status =
                    given().when().get(PATHS.get(i % PATHS.size())).then().extract().statusCode();
              } catch (RuntimeException | AssertionError noAnswer) {
                status = -1; // no HTTP answer at all: counted, so the test shows it
              }
              statuses.merge(status, 1, Integer::sum);
              total.incrementAndGet();
            }
          });
    }
  }

  static ReadLoad start(int threadCount) {
    return new ReadLoad(threadCount);
  }

  Map<Integer, Integer> stop() throws InterruptedException {
    running.set(false);
    threads.shutdown();
    threads.awaitTermination(60, TimeUnit.SECONDS);
    return Map.copyOf(statuses);
  }

  int total() {
    return total.get();
  }
}
