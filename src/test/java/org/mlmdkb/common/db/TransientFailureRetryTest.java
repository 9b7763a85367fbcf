package org.mlmdkb.common.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlmdkb.common.error.RetryLaterException;

@QuarkusTest
class TransientFailureRetryTest {

  @Inject TransientFailureProbe probe;

  @BeforeEach
  void resetCount() {
    probe.resetRuns();
  }

  @Test
  void twoWritersThatDeadlockBothSucceedTheVictimRunningAgain() throws Exception {
    CountDownLatch bothHoldTheirFirst = new CountDownLatch(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> a =
          pool.submit(
              () -> {
                probe.lockInOrder("equivariance", "molecules", bothHoldTheirFirst);
                return null;
              });
      Future<?> b =
          pool.submit(
              () -> {
                probe.lockInOrder("molecules", "equivariance", bothHoldTheirFirst);
                return null;
              });
      a.get(60, TimeUnit.SECONDS);
      b.get(60, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    // PostgreSQL aborts one of the two (deadlock_timeout); only that one runs again.
    assertEquals(3, probe.runs());
  }

  @Test
  void aWriteThatDeadlocksTwiceIsRunAgainUntilItCommits() throws Exception {
    probe.deadlockedFirst(2);
    assertEquals(3, probe.runs());
  }

  @Test
  void aWriteThatKeepsDeadlockingGivesUpAfterFourRunsWith503AndRetryAfter() {
    RetryLaterException e =
        assertThrows(RetryLaterException.class, () -> probe.deadlockedFirst(Integer.MAX_VALUE));
    assertEquals(TransientFailureRetry.MAX_ATTEMPTS, probe.runs());
    assertEquals(503, e.status());
    assertEquals(true, e.retryAfterSeconds() > 0);
  }
}
