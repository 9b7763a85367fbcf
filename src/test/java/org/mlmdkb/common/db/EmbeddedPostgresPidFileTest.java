package org.mlmdkb.common.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
    assertEquals(Optional.empty(), new PostmasterPidFile(dataDir).portOfLiveServer());
  }

  @Test
  void pidFileOfADeadProcessIsRemovedAsStale() throws Exception {
    // Far above any pid_max: no live process can have it.
    Files.writeString(dataDir.resolve("postmaster.pid"), "999999999\n" + dataDir + "\n0\n5432\n");
    assertEquals(Optional.empty(), new PostmasterPidFile(dataDir).portOfLiveServer());
    assertFalse(Files.exists(dataDir.resolve("postmaster.pid")));
  }

  @Test
  void pidFileNamingALiveProcessThatIsNoPostmasterIsRemovedAsStale() throws Exception {
    // This JVM is alive, and certainly not a PostgreSQL server of this directory.
    long livePid = ProcessHandle.current().pid();
    Files.writeString(dataDir.resolve("postmaster.pid"), livePid + "\n" + dataDir + "\n0\n45678\n");
    assertEquals(Optional.empty(), new PostmasterPidFile(dataDir).portOfLiveServer());
    assertFalse(Files.exists(dataDir.resolve("postmaster.pid")));
  }
}
