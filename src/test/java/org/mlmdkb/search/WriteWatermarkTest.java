package org.mlmdkb.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Which reads wait for which writes: only a pass started after a write releases its readers. */
class WriteWatermarkTest {

  private static final Duration SHORT = Duration.ofMillis(50);

  private final WriteWatermark watermark = new WriteWatermark();

  @Test
  void readerWaitsForNothingWhenNoWriteIsPending() {
    assertTrue(watermark.awaitApplied(Duration.ZERO));
  }

  @Test
  void readerTimesOutWhileAWriteIsNotApplied() {
    watermark.writeCommitted();
    assertFalse(watermark.awaitApplied(SHORT));
  }

  @Test
  void passStartedBeforeTheWriteDoesNotReleaseTheReader() {
    long covered = watermark.passStarts();
    watermark.writeCommitted();
    watermark.passEnded(covered);
    assertFalse(watermark.awaitApplied(SHORT));
  }

  @Test
  void passStartedAfterTheWriteReleasesTheReader() {
    watermark.writeCommitted();
    watermark.passEnded(watermark.passStarts());
    assertTrue(watermark.awaitApplied(Duration.ZERO));
  }

  @Test
  void readerWaitingForAWriteIsReleasedWhenAnotherThreadEndsThePass() throws Exception {
    watermark.writeCommitted();
    Thread pass =
        new Thread(
            () -> {
              long covered = watermark.passStarts();
              try {
                Thread.sleep(100);
              } catch (InterruptedException e) {
                return;
              }
              watermark.passEnded(covered);
            });
    pass.start();
    assertTrue(watermark.awaitApplied(Duration.ofSeconds(10)));
    pass.join();
  }

  @Test
  void catchUpThreadIsWokenByAWrite() throws Exception {
    Thread waiter = new Thread(watermark::awaitPending);
    waiter.start();
    watermark.writeCommitted();
    waiter.join(10_000);
    assertFalse(waiter.isAlive(), "the catch-up thread was not woken by the write");
  }
}
