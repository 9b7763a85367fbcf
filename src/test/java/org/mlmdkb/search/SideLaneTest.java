package org.mlmdkb.search;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SideLaneTest {

  private final SideLane lane = new SideLane();

  @AfterEach
  void stop() {
    lane.stop();
  }

  @Test
  void aPartRunsBesideTheCallerWhileALaneThreadIsFree() {
    Thread caller = Thread.currentThread();
    SideLane.Part<Thread> part = lane.start(Thread::currentThread);
    assertNotEquals(caller, part.join());
  }

  @Test
  void aPartRunsOnTheCallerAtOnceWhenEveryLaneThreadIsBusy() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    List<SideLane.Part<Boolean>> busy = new ArrayList<>();
    int lanes = Runtime.getRuntime().availableProcessors();
    CountDownLatch started = new CountDownLatch(lanes);
    for (int i = 0; i < lanes; i++) {
      busy.add(
          lane.start(
              () -> {
                started.countDown();
                return release.await(30, TimeUnit.SECONDS);
              }));
    }
    assertTrue(started.await(30, TimeUnit.SECONDS), "every lane thread took a part");
    Thread caller = Thread.currentThread();
    // Done before start returns: nothing queues behind the parts that hold the lanes.
    SideLane.Part<Thread> part = lane.start(Thread::currentThread);
    assertSame(caller, part.join());
    release.countDown();
    busy.forEach(b -> assertTrue(b.join()));
  }

  private SideLane.Part<Object> failingWith(Exception thrown) {
    return lane.start(
        () -> {
          throw thrown;
        });
  }

  @Test
  void joinThrowsThePartsOwnRuntimeException() {
    IllegalArgumentException thrown = new IllegalArgumentException("bad query");
    assertSame(thrown, assertThrows(IllegalArgumentException.class, failingWith(thrown)::join));
  }

  @Test
  void joinWrapsAnIoExceptionUnchecked() {
    IOException thrown = new IOException("index file gone");
    UncheckedIOException wrapped =
        assertThrows(UncheckedIOException.class, failingWith(thrown)::join);
    assertSame(thrown, wrapped.getCause());
  }

  /** A part that fails after 200 ms, setting {@code finished} just before. */
  private SideLane.Part<Object> slowFailure(AtomicBoolean finished) {
    return lane.start(
        () -> {
          Thread.sleep(200);
          finished.set(true);
          throw new IllegalStateException("the part's failure, dropped");
        });
  }

  @Test
  void workAlongsideThatFailsWaitsForThePartThenThrowsItsOwnFailure() {
    AtomicBoolean finished = new AtomicBoolean();
    SideLane.Part<Object> part = slowFailure(finished);
    IOException own = new IOException("the caller's failure");
    IOException thrown =
        assertThrows(
            IOException.class,
            () ->
                part.alongside(
                    () -> {
                      throw own;
                    }));
    assertSame(own, thrown);
    assertTrue(finished.get(), "the part had finished before the failure went on");
  }

  @Test
  void workAlongsideReturnsItsValueAndLeavesThePartToJoin() throws IOException {
    SideLane.Part<String> part = lane.start(() -> "count");
    assertSame("page", part.alongside(() -> "page"));
    assertSame("count", part.join());
  }

  @Test
  void abandonWaitsForThePartToFinishAndDropsItsFailure() {
    AtomicBoolean finished = new AtomicBoolean();
    slowFailure(finished).abandon();
    assertTrue(finished.get());
  }

  @Test
  void aDonePartJoinsToItsValue() {
    float[] value = {1f, 2f};
    assertSame(value, SideLane.Part.done(value).join());
  }
}
