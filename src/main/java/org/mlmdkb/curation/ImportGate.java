package org.mlmdkb.curation;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.mlmdkb.common.config.KbConfig;

/**
 * Bounds how many imports run at once on this instance. Each import holds its parsed rows and a
 * long transaction; without a bound, two dozen 5 MB imports took the JVM past 5 GB. A further
 * import waits for a slot up to kb.import.queue-wait, then is refused with 503 and Retry-After.
 */
@ApplicationScoped
public class ImportGate {

  /** Work done while holding a slot. */
  @FunctionalInterface
  public interface Work<T> {
    T run() throws Exception;
  }

  private final Semaphore slots;
  private final long waitMillis;

  public ImportGate(KbConfig config) {
    this.slots = new Semaphore(Math.max(1, config.importing().maxConcurrent()), true);
    this.waitMillis = config.importing().queueWait().toMillis();
  }

  public <T> T run(Work<T> work) throws Exception {
    boolean acquired;
    try {
      acquired = slots.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw busy();
    }
    if (!acquired) {
      throw busy();
    }
    try {
      return work.run();
    } finally {
      slots.release();
    }
  }

  private ImportsBusyException busy() {
    return new ImportsBusyException((int) Math.max(1, waitMillis / 1000));
  }
}
