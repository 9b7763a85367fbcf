package org.mlmdkb.search;

import jakarta.enterprise.inject.Vetoed;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.mlmdkb.common.config.KbConfig;

/**
 * The floor of keyword search (issue #10): the service's own query plan and Lucene search
 * (IndexSearch.search, ten hits with snippets and the exact count, the count on a side lane as in
 * the service) over an index directory, run in-process, with no HTTP, JSON or database. Its "thread
 * CPU" is the calling thread's alone, without the side lane's share. What
 * `/search?type=paper&limit=10&mode=keyword` costs beyond this is the service's own overhead;
 * src/bench/search_floor.sh prints both.
 *
 * <p>Usage, from the repository root after {@code ./mvnw package -DskipTests} (which compiles the
 * tests too): {@code java -cp "target/test-classes:target/classes:target/quarkus-app/lib/main/*"
 * org.mlmdkb.search.SearchFloor INDEX_DIR [QUERIES_TSV] [THREADS] [SECONDS]}. The directory is
 * opened read-only: a running service may keep writing it.
 */
public final class SearchFloor {

  private SearchFloor() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Path tsv = Path.of(args.length > 1 ? args[1] : "src/bench/search-eval/queries.tsv");
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 32;
    int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
    List<String> queries = queries(tsv);
    IndexStore store = IndexStore.readOnly(dir);
    try {
      IndexSearch search = new IndexSearch(new FixedIndex(store), config(), new SideLane());
      SearchService plans = new SearchService(search, null, null, null);
      for (int pass = 0; pass < 5; pass++) {
        for (String q : queries) {
          run(plans, search, q);
        }
      }
      ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
      int passes = 3;
      double[] wall = new double[queries.size() * passes];
      double[] work = new double[wall.length];
      int n = 0;
      for (int pass = 0; pass < passes; pass++) {
        for (String q : queries) {
          long c0 = cpu.getCurrentThreadCpuTime();
          long t0 = System.nanoTime();
          run(plans, search, q);
          wall[n] = (System.nanoTime() - t0) / 1e6;
          work[n++] = (cpu.getCurrentThreadCpuTime() - c0) / 1e6;
        }
      }
      System.out.printf(
          "in-process keyword search, 1 thread, %d requests: wall p50 %.2f ms, p99 %.2f ms;"
              + " thread CPU p50 %.2f ms, p99 %.2f ms%n",
          wall.length,
          percentile(wall, 50),
          percentile(wall, 99),
          percentile(work, 50),
          percentile(work, 99));
      System.out.printf(
          "in-process keyword search, %d threads, %d s: %.1f requests/s%n",
          threads, seconds, throughput(plans, search, queries, threads, seconds));
    } finally {
      store.close();
    }
  }

  private static void run(SearchService plans, IndexSearch search, String q) {
    SearchService.Plan plan = plans.plan(q);
    if (plan.matchesNothing()) {
      return;
    }
    search.search(
        new IndexSearch.Request(plan, Set.of(SearchType.PAPER), null, Set.of(), 10), 10, 0);
  }

  private static double throughput(
      SearchService plans, IndexSearch search, List<String> queries, int threads, int seconds)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicLong done = new AtomicLong();
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t * 7;
      running.add(
          pool.submit(
              () -> {
                int i = offset;
                while (System.nanoTime() < end) {
                  run(plans, search, queries.get(i++ % queries.size()));
                  done.incrementAndGet();
                }
              }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    pool.shutdown();
    return done.get() / (double) seconds;
  }

  private static double percentile(double[] values, int p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  /** The third column of the judged set's TSV (category, id, query), after its header. */
  private static List<String> queries(Path tsv) throws IOException {
    List<String> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(tsv);
    for (String line : lines.subList(1, lines.size())) {
      String[] cols = line.split("\t", 3);
      if (cols.length == 3) {
        out.add(cols[2]);
      }
    }
    return out;
  }

  /** The search settings the service would run with: only the time budget is read. */
  private static KbConfig config() {
    KbConfig.Search settings =
        (KbConfig.Search)
            Proxy.newProxyInstance(
                SearchFloor.class.getClassLoader(),
                new Class<?>[] {KbConfig.Search.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("timeout")) {
                    return Duration.ofSeconds(10);
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
    return (KbConfig)
        Proxy.newProxyInstance(
            SearchFloor.class.getClassLoader(),
            new Class<?>[] {KbConfig.class},
            (proxy, method, args) -> {
              if (method.getName().equals("search")) {
                return settings;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  /**
   * The index of a directory on disk, read-only; no database. Vetoed: the tests' CDI container
   * would otherwise take it for a second SearchIndex bean.
   */
  @Vetoed
  private static final class FixedIndex extends SearchIndex {
    private final IndexStore store;

    FixedIndex(IndexStore store) {
      super(null, null, null);
      this.store = store;
    }

    @Override
    IndexStore store() {
      return store;
    }
  }
}
