package org.mlmdkb.testsupport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.mlmdkb.common.db.EmbeddedPostgres;

/** The embedded PostgreSQL the tests run against, to stop, freeze and restart it. */
public final class EmbeddedServer {

  private EmbeddedServer() {}

  public static EmbeddedPostgres current() {
    var config = ConfigProvider.getConfig();
    return new EmbeddedPostgres(
        Path.of(config.getValue("kb.embedded-db.cache-dir", String.class)),
        Path.of(config.getValue("kb.embedded-db.data-dir", String.class)),
        0,
        false);
  }

  /** Sends {@code signal} (STOP, CONT) to the postmaster and every backend it forked. */
  public static void signalAll(EmbeddedPostgres server, String signal) throws IOException {
    long postmaster = server.postmasterPid().orElseThrow();
    List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
    command.add(Long.toString(postmaster));
    ProcessHandle.of(postmaster)
        .orElseThrow()
        .descendants()
        .forEach(p -> command.add(Long.toString(p.pid())));
    try {
      Process kill = new ProcessBuilder(command).inheritIO().start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill -" + signal + " failed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
