package org.mlmdkb.search.semantic;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mlmdkb.search.semantic.EmbeddingRepository.ItemText;
import org.mlmdkb.search.semantic.EmbeddingRepository.Kind;
import org.mlmdkb.search.semantic.EmbeddingRepository.NewVector;

/**
 * Embeds items in the background, after their write committed: the index asks for the vectors of
 * the documents it (re)builds from the change sequence, and those it does not find are queued here
 * (SemanticVectors). A stored vector is a change of its own, so the index then re-reads the
 * document with it. Once the model is ready, a sweep queues every live item whose vector is missing
 * or stale (a first start, another model, a queue lost with the previous process); a restart that
 * finds every vector current embeds nothing.
 */
@ApplicationScoped
public class EmbeddingWorker {

  /** Texts per model call and per transaction. */
  static final int BATCH = 64;

  private static final int SWEEP_PAGE = 5_000;
  private static final long WARN_EVERY_NANOS = 30_000_000_000L;
  private static final long RETRY_MILLIS = 1_000;

  private record Key(Kind kind, long id) {}

  private final AgroalDataSource dataSource;
  private final TextEmbedder embedder;
  private final Set<Key> queue = new LinkedHashSet<>();
  private volatile boolean running = true;
  private volatile boolean swept;
  private int working;
  private long lastWarning;
  private long busySince;
  private long busyCount;
  private Thread thread;

  public EmbeddingWorker(AgroalDataSource dataSource, TextEmbedder embedder) {
    this.dataSource = dataSource;
    this.embedder = embedder;
  }

  void onStart(@Observes StartupEvent event) {
    start();
  }

  /** Starts embedding in the background (at start; tests call it on an instance of their own). */
  public void start() {
    if (embedder.state() == TextEmbedder.State.DISABLED) {
      return;
    }
    thread = new Thread(this::run, "semantic-embedder");
    thread.setDaemon(true);
    thread.start();
  }

  void onStop(@Observes ShutdownEvent event) {
    stop();
  }

  public void stop() {
    running = false;
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Queues items to embed (their current text is read when their turn comes). */
  public void enqueue(Kind kind, Collection<Long> ids) {
    if (ids.isEmpty() || !embedder.mayBecomeReady()) {
      return;
    }
    synchronized (queue) {
      ids.forEach(id -> queue.add(new Key(kind, id)));
      queue.notifyAll();
    }
  }

  /** Items waiting to be embedded. */
  public int pending() {
    synchronized (queue) {
      return queue.size() + working;
    }
  }

  /** True once the start-up sweep ran and nothing waits: every live item has a current vector. */
  public boolean caughtUp() {
    return swept && pending() == 0;
  }

  private void run() {
    try {
      if (!awaitModel()) {
        return;
      }
      sweep();
      while (running) {
        List<Key> batch = take();
        try {
          if (busyCount == 0) {
            busySince = System.nanoTime();
          }
          busyCount += embed(batch);
        } catch (SQLException | RuntimeException e) {
          warn("Embedding " + batch.size() + " items failed (" + e.getMessage() + "); retrying");
          enqueueAgain(batch);
          Thread.sleep(RETRY_MILLIS);
        } finally {
          synchronized (queue) {
            working = 0;
          }
        }
        reportWhenDrained();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean awaitModel() throws InterruptedException {
    while (running) {
      switch (embedder.state()) {
        case READY -> {
          return true;
        }
        case FAILED, DISABLED -> {
          return false;
        }
        default -> Thread.sleep(100);
      }
    }
    return false;
  }

  /** Queues every live item without a current vector; forgets vectors of vanished items. */
  private void sweep() throws InterruptedException {
    while (running) {
      try (Connection c = dataSource.getConnection()) {
        String model = embedder.modelId();
        int found = 0;
        for (Kind kind : Kind.values()) {
          EmbeddingRepository.deleteOrphans(c, kind);
          long after = 0;
          while (true) {
            List<Long> ids = EmbeddingRepository.staleIds(c, kind, model, after, SWEEP_PAGE);
            if (ids.isEmpty()) {
              break;
            }
            enqueue(kind, ids);
            found += ids.size();
            after = ids.get(ids.size() - 1);
          }
        }
        if (found > 0) {
          Log.infof("Embedding %d items without a current vector in the background", found);
        }
        swept = true;
        return;
      } catch (SQLException | RuntimeException e) {
        warn("Looking for items to embed failed (" + e.getMessage() + "); retrying");
        Thread.sleep(RETRY_MILLIS);
      }
    }
  }

  /** Up to BATCH queued items of one kind, waiting while there are none. */
  private List<Key> take() throws InterruptedException {
    synchronized (queue) {
      while (queue.isEmpty()) {
        queue.wait();
      }
      List<Key> batch = new ArrayList<>(BATCH);
      Kind kind = queue.iterator().next().kind();
      Iterator<Key> it = queue.iterator();
      while (it.hasNext() && batch.size() < BATCH) {
        Key k = it.next();
        if (k.kind() == kind) {
          batch.add(k);
          it.remove();
        }
      }
      working = batch.size();
      return batch;
    }
  }

  /** Logs the throughput of a run of work (a first start, a model change) once it is done. */
  private void reportWhenDrained() {
    if (pending() > 0 || busyCount == 0) {
      return;
    }
    double seconds = (System.nanoTime() - busySince) / 1e9;
    if (busyCount >= 100) {
      Log.infof(
          "Embedded %d items in %.1f s (%.0f items/s)", busyCount, seconds, busyCount / seconds);
    }
    busyCount = 0;
  }

  /** Embeds and stores a batch; the number of texts embedded. */
  private int embed(List<Key> batch) throws SQLException {
    Kind kind = batch.get(0).kind();
    List<Long> ids = batch.stream().map(Key::id).toList();
    try (Connection c = dataSource.getConnection()) {
      List<ItemText> texts = EmbeddingRepository.texts(c, kind, ids);
      if (texts.isEmpty()) {
        return 0;
      }
      List<float[]> vectors = embedder.embedItems(texts.stream().map(ItemText::text).toList());
      List<NewVector> rows = new ArrayList<>(texts.size());
      for (int i = 0; i < texts.size(); i++) {
        rows.add(new NewVector(texts.get(i).id(), texts.get(i).sha256(), vectors.get(i)));
      }
      // The hash is that of the text read above: if the item changed since, the row is stale at
      // once, and the change that made it so queues the item again.
      EmbeddingRepository.store(c, kind, embedder.modelId(), rows);
      return rows.size();
    }
  }

  private void enqueueAgain(List<Key> batch) {
    synchronized (queue) {
      queue.addAll(batch);
    }
  }

  /** While the database is down every batch fails alike: one line per half minute. */
  private void warn(String message) {
    long now = System.nanoTime();
    if (lastWarning == 0 || now - lastWarning >= WARN_EVERY_NANOS) {
      lastWarning = now;
      Log.warn(message);
    }
  }
}
