package org.mlmdkb.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.mlmdkb.common.config.KbConfig;

class ImportGateTest {

  /** kb.import.* with one slot and a short wait; every other key is unused by the gate. */
  private static KbConfig config(int slots, Duration wait) {
    KbConfig.Import importing =
        (KbConfig.Import)
            Proxy.newProxyInstance(
                KbConfig.class.getClassLoader(),
                new Class<?>[] {KbConfig.Import.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "maxConcurrent" -> slots;
                      case "queueWait" -> wait;
                      case "maxBytes" -> 5242880L;
                      default -> throw new UnsupportedOperationException(method.getName());
                    });
    return (KbConfig)
        Proxy.newProxyInstance(
            KbConfig.class.getClassLoader(),
            new Class<?>[] {KbConfig.class},
            (proxy, method, args) -> {
              if (method.getName().equals("importing")) {
                return importing;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  @Test
  void anImportBeyondTheSlotsWaitsThenIsRefusedWithRetryAfter() throws Exception {
    ImportGate gate = new ImportGate(config(1, Duration.ofMillis(50)));
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<String> first =
          pool.submit(
              () ->
                  gate.run(
                      () -> {
                        holding.countDown();
                        release.await();
                        return "first";
                      }));
      holding.await();
      ImportsBusyException busy =
          assertThrows(ImportsBusyException.class, () -> gate.run(() -> "second"));
      assertEquals(503, busy.status());
      assertEquals(1, busy.retryAfterSeconds());
      release.countDown();
      assertEquals("first", first.get());
      assertEquals("third", gate.run(() -> "third"));
    } finally {
      pool.shutdownNow();
    }
  }
}
