package org.mlmdkb.search;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;

/**
 * Adds batches of documents to an index writer on one thread per core while the caller reads the
 * next batch: a full rebuild spends most of its time analysing and inverting text (JFR at 102,000
 * papers: 96 % of the rebuild's samples were in IndexWriter.addDocument), which IndexWriter does in
 * parallel for documents added from several threads. Batches in flight are bounded, so memory stays
 * a few batches whatever the corpus.
 */
final class ParallelAdder implements AutoCloseable {

  private final IndexWriter writer;
  private final ExecutorService pool;
  private final Semaphore inFlight;
  private final List<Future<?>> pending = new ArrayList<>();

  ParallelAdder(IndexWriter writer, int threads) {
    this.writer = writer;
    AtomicInteger n = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "search-index-rebuild-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.inFlight = new Semaphore(threads * 2);
  }

  /** Queues {@code docs}; waits while as many batches as allowed are not yet added. */
  void add(List<Document> docs) throws IOException {
    try {
      inFlight.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while rebuilding the index");
    }
    pending.add(
        pool.submit(
            () -> {
              try {
                for (Document d : docs) {
                  writer.addDocument(d);
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              } finally {
                inFlight.release();
              }
            }));
  }

  /** Waits until every queued batch is added; the first failure is thrown. */
  void finish() throws IOException {
    try {
      for (Future<?> f : pending) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while rebuilding the index");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      throw new IOException("adding documents failed", cause);
    } finally {
      pending.clear();
    }
  }

  /**
   * Lets batches already queued finish, never interrupting them: an interrupt during a write closes
   * Lucene's file channels under the writer.
   */
  @Override
  public void close() throws InterruptedIOException {
    pool.shutdown();
    try {
      while (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
        // a batch of a thousand documents takes well under a second; keep waiting
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while rebuilding the index");
    }
  }
}
