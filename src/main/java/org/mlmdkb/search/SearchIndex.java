package org.mlmdkb.search;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.mlmdkb.common.config.KbConfig;

/**
 * The search index of this instance: opened (or rebuilt) at start, fed by the change sequence from
 * then on, by a follower thread (LISTEN/NOTIFY plus polling) and, for this instance's writes, by a
 * catch-up thread woken after each commit (ReadYourWritesFilter). Reads wait for the writes this
 * instance committed before they arrived (WriteWatermark), so a client reads its own writes while
 * the write itself no longer pays for the index refresh. A failure to open it never stops the
 * service: the index is rebuilt, and readiness says why meanwhile.
 */
@ApplicationScoped
public class SearchIndex {

  private final AgroalDataSource dataSource;
  private final KbConfig config;
  private final DocumentVectors vectors;
  private volatile IndexStore store;
  private volatile String state = "starting";
  private ChangeFollower follower;
  private LocalCatchUp localCatchUp;
  private final WriteWatermark writes = new WriteWatermark();

  public SearchIndex(AgroalDataSource dataSource, KbConfig config, DocumentVectors vectors) {
    this.dataSource = dataSource;
    this.config = config;
    this.vectors = vectors;
  }

  /** After the seed loader (default priority), whose rows arrive through the change sequence. */
  void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent event) {
    Path dir = directory();
    if (config.search().wipeOnStart()) {
      wipe(dir);
    }
    if (config.search().rebuildBeforeStart()) {
      open(dir);
    } else {
      Thread t = new Thread(() -> open(dir), "search-index-open");
      t.setDaemon(true);
      t.start();
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    if (follower != null) {
      follower.stop();
    }
    if (localCatchUp != null) {
      localCatchUp.stop();
    }
    IndexStore s = store;
    if (s != null) {
      // Dev mode and tests restart the application inside the same JVM, which must find the
      // index's lock free; a packaged run exits.
      if (LaunchMode.current() == LaunchMode.NORMAL) {
        s.closeForExit();
      } else {
        s.close();
      }
    }
  }

  private void open(Path dir) {
    try {
      IndexStore s = new IndexStore(dir, dataSource, config.search().changeRetention(), vectors);
      state = "rebuilding";
      s.openOrRebuild(reason -> state = "rebuilding: " + reason);
      s.catchUp();
      s.commitIfChanged();
      store = s;
      state = "ready";
      follower = new ChangeFollower(s, dataSource, config.search().pollInterval());
      follower.start();
      localCatchUp = new LocalCatchUp(s, writes);
      localCatchUp.start();
    } catch (IOException | SQLException | RuntimeException e) {
      state = "unavailable: " + e.getMessage();
      Log.errorf(e, "Search index in %s could not be opened or rebuilt", dir);
    }
  }

  /**
   * The open index, once it shows every write this instance committed before the call; a 503
   * problem while it is being rebuilt, could not be opened, or lags behind those writes for longer
   * than kb.search.read-your-writes-timeout.
   */
  IndexStore store() {
    IndexStore s = store;
    if (s == null) {
      throw new SearchUnavailableException(
          "The search index is not ready (" + state + "); try again shortly", 5);
    }
    if (!writes.awaitApplied(config.search().readYourWritesTimeout())) {
      throw new SearchUnavailableException(
          "The search index has not yet applied this instance's latest writes; try again shortly",
          1);
    }
    return s;
  }

  /**
   * A write of this instance committed: its changes are applied by the catch-up thread, and reads
   * from now on wait for them (see {@link #store}).
   */
  public void writeCommitted() {
    writes.writeCommitted();
  }

  /** "ready", or what keeps the index from serving. */
  public String state() {
    return state;
  }

  /** Applies every committed change not yet in the index, before returning. */
  public void catchUp() {
    IndexStore s = store;
    if (s == null) {
      return;
    }
    try {
      s.catchUp();
    } catch (IOException | SQLException | RuntimeException e) {
      // The follower retries within the poll interval; the write itself succeeded.
      Log.warnf("Search index catch-up failed: %s", e.getMessage());
    }
  }

  /**
   * Applies every committed change, then merges the small segments those changes left and waits for
   * the merge, instead of leaving it to the follower's next quiet poll. Until the next write the
   * index then stays as it is, and so do its scores: relevance pages are keyed by score, and a
   * merge that drops deleted documents moves every score a little (BM25 counts documents). Answers
   * how many segments the merge left (0 without an index).
   */
  public int settle() throws IOException {
    catchUp();
    IndexStore s = store;
    return s == null ? 0 : s.settle();
  }

  private Path directory() {
    return Path.of(
        config
            .search()
            .indexDir()
            .orElse(config.embeddedDb().dataDir().replaceAll("/+$", "") + "-search"));
  }

  static void wipe(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot wipe the search index directory " + dir, e);
    }
  }

  /** For tests: a second consumer of the same database over another directory. */
  static IndexStore openStore(Path dir, AgroalDataSource dataSource, Duration retention)
      throws IOException, SQLException {
    return openStore(dir, dataSource, retention, DocumentVectors.NONE);
  }

  /** For tests: as above, with the vectors of {@code vectors}. */
  static IndexStore openStore(
      Path dir, AgroalDataSource dataSource, Duration retention, DocumentVectors vectors)
      throws IOException, SQLException {
    IndexStore s = new IndexStore(dir, dataSource, retention, vectors);
    s.openOrRebuild(reason -> {});
    s.catchUp();
    return s;
  }

  static Connection connection(AgroalDataSource dataSource) throws SQLException {
    return dataSource.getConnection();
  }
}
