package org.mlmdkb.search;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one independent part of a search (the query's embedding, the exact totals) beside the
 * request thread, which ranks meanwhile: a one-connection search then uses both cores instead of
 * one, without any part doing more work than it would alone. When every lane thread is busy (many
 * searches at once, the cores already full), the part runs on the caller at once, as it did before
 * lanes existed: nothing ever queues behind another request's part.
 */
@ApplicationScoped
public class SideLane {

  private final ThreadPoolExecutor threads;

  public SideLane() {
    int n = Math.max(1, Runtime.getRuntime().availableProcessors());
    AtomicInteger count = new AtomicInteger();
    threads =
        new ThreadPoolExecutor(
            n,
            n,
            60,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> {
              Thread t = new Thread(r, "search-side-lane-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.CallerRunsPolicy());
    threads.allowCoreThreadTimeOut(true);
  }

  /** {@code work} started on a free lane thread, or done on the caller when none is free. */
  public <T> Part<T> start(Callable<T> work) {
    FutureTask<T> task = new FutureTask<>(work);
    threads.execute(task);
    return new Part<>(task);
  }

  /** Lets the parts under way finish: an interrupt would close the index files they read. */
  @PreDestroy
  void stop() {
    threads.shutdown();
  }

  /** What the caller does while a part runs. */
  @FunctionalInterface
  public interface CallerWork<R> {
    R run() throws IOException;
  }

  /** A part of a search under way; {@link #join} waits for it and throws what it threw. */
  public static final class Part<T> {
    private final FutureTask<T> task;

    private Part(FutureTask<T> task) {
      this.task = task;
    }

    /** A part already done, for callers that have the value without starting anything. */
    public static <T> Part<T> done(T value) {
      FutureTask<T> task = new FutureTask<>(() -> value);
      task.run();
      return new Part<>(task);
    }

    /**
     * The caller's own {@code work}, done while this part runs. Should it fail, the part is waited
     * for first ({@link #abandon}), so that the part is done with the index reader before the
     * caller's failure releases it.
     */
    public <R> R alongside(CallerWork<R> work) throws IOException {
      try {
        return work.run();
      } catch (IOException | RuntimeException e) {
        abandon();
        throw e;
      }
    }

    /**
     * Waits for the part and drops its outcome: for a caller that failed before it joined, so the
     * part is done with the index reader before the caller releases it.
     */
    public void abandon() {
      try {
        task.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException e) {
        // The caller's own failure is the one reported.
      }
    }

    public T join() {
      try {
        return task.get();
      } catch (InterruptedException e) {
        // Not cancelled with an interrupt: an interrupted read would close the index's files.
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while a search part ran", e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException re) {
          throw re;
        }
        if (cause instanceof Error err) {
          throw err;
        }
        if (cause instanceof IOException io) {
          throw new UncheckedIOException(io);
        }
        throw new IllegalStateException("A search part failed", cause);
      }
    }
  }
}
