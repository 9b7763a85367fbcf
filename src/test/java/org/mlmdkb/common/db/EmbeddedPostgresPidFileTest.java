package org.mlmdkb.common.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a postmaster.pid left in the data directory is read on start. */
class EmbeddedPostgresPidFileTest {

  @TempDir Path dataDir;

  @Test
  void noPidFileMeansNoServerToAdopt() throws Exception {
    assertEquals(Optional.empty(), EmbeddedPostgres.portOfLiveServer(dataDir));
  }

  @Test
  void pidFileOfADeadProcessIsRemovedAsStale() throws Exception {
    // Far above any pid_max: no live process can have it.
    Files.writeString(dataDir.resolve("postmaster.pid"), "999999999\n" + dataDir + "\n0\n5432\n");
    assertEquals(Optional.empty(), EmbeddedPostgres.portOfLiveServer(dataDir));
    assertFalse(Files.exists(dataDir.resolve("postmaster.pid")));
  }

  @Test
  void pidFileOfALiveProcessGivesThePortToAdopt() throws Exception {
    long livePid = ProcessHandle.current().pid();
    Files.writeString(dataDir.resolve("postmaster.pid"), livePid + "\n" + dataDir + "\n0\n45678\n");
    assertEquals(Optional.of(45678), EmbeddedPostgres.portOfLiveServer(dataDir));
    assertTrue(Files.exists(dataDir.resolve("postmaster.pid")));
  }
}
