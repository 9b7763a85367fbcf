package org.mlmdkb.search;

/**
 * A daemon thread that feeds the index until stopped: the follower of other instances' writes and
 * the catch-up after this instance's. Stopping interrupts whatever it waits on and gives it five
 * seconds to leave, so a shutdown never hangs on a database that does not answer.
 */
abstract class IndexWorker {

  private final Thread thread;
  private volatile boolean running = true;

  IndexWorker(String name) {
    this.thread = new Thread(this::work, name);
    this.thread.setDaemon(true);
  }

  /** The thread's loop; returns once {@link #running()} is false or it was interrupted. */
  abstract void work();

  final boolean running() {
    return running;
  }

  final void start() {
    thread.start();
  }

  final void stop() {
    running = false;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
