package org.mlmdkb.common.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Reads the {@code postmaster.pid} of a data directory and tells a live server from a stale file.
 *
 * <p>A PID alone proves nothing: after a reboot or a {@code kill -9} the number may belong to any
 * unrelated process, and PostgreSQL then refuses to start until the file is deleted by hand. So a
 * server counts as live only if that process is a {@code postgres} whose command line or working
 * directory is this data directory.
 */
final class PostmasterPidFile {

  private static final Logger LOG = Logger.getLogger(PostmasterPidFile.class);

  private final Path dataDir;
  private final Path file;

  PostmasterPidFile(Path dataDir) {
    this.dataDir = dataDir.toAbsolutePath();
    this.file = this.dataDir.resolve("postmaster.pid");
  }

  /** The port of the postmaster serving this directory; removes the file when it is stale. */
  Optional<Integer> portOfLiveServer() throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    long pid = lines.isEmpty() ? -1 : parseLong(lines.get(0));
    if (pid > 0 && lines.size() > 3 && isPostmasterOf(pid, dataDir)) {
      return Optional.of((int) parseLong(lines.get(3)));
    }
    LOG.warnf(
        "Removing stale postmaster.pid from %s: pid %d is %s",
        dataDir,
        pid,
        ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
            ? "alive but not a PostgreSQL server of this data directory"
            : "gone");
    Files.delete(file);
    return Optional.empty();
  }

  /** The postmaster's PID, when the file names one that serves this directory. */
  Optional<Long> livePid() throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    long pid = lines.isEmpty() ? -1 : parseLong(lines.get(0));
    return pid > 0 && isPostmasterOf(pid, dataDir) ? Optional.of(pid) : Optional.empty();
  }

  static boolean isPostmasterOf(long pid, Path dataDir) {
    Path proc = Path.of("/proc", Long.toString(pid));
    try {
      String[] argv =
          new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8)
              .split("\0");
      if (argv.length == 0 || !Path.of(argv[0]).getFileName().toString().equals("postgres")) {
        return false;
      }
      return namesDataDir(Arrays.asList(argv), dataDir) || runsIn(proc, dataDir);
    } catch (IOException | RuntimeException gone) {
      // No /proc entry (the process ended) or an unreadable one: not ours to adopt.
      return false;
    }
  }

  private static boolean namesDataDir(List<String> argv, Path dataDir) {
    int d = argv.indexOf("-D");
    return d >= 0 && d + 1 < argv.size() && Path.of(argv.get(d + 1)).equals(dataDir);
  }

  /** The postmaster changes into its data directory; another user's cwd may be unreadable. */
  private static boolean runsIn(Path proc, Path dataDir) {
    try {
      return proc.resolve("cwd").toRealPath().equals(dataDir.toRealPath());
    } catch (IOException unreadable) {
      return false;
    }
  }

  private static long parseLong(String text) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
