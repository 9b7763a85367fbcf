package org.mlmdkb.common.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One service instance owns an embedded data directory: it holds an exclusive lock on {@code
 * <data-dir>.lock} for as long as its JVM lives.
 *
 * <p>Two instances sharing one embedded server made the second die when the first stopped it. Now
 * the second refuses to start, naming the directory; a server left running by a killed instance
 * (whose lock the kernel released) is adopted by the next one.
 */
final class DataDirLock {

  /** Marks, in the system properties (which survive dev-mode reloads), a lock this JVM holds. */
  private static final String HELD_PROPERTY = "mlmdkb.embedded-db.lock.";

  private DataDirLock() {}

  static Path lockFileOf(Path dataDir) {
    return dataDir.resolveSibling(dataDir.getFileName() + ".lock");
  }

  /** Takes the lock, or fails with a message that says what to do instead. */
  static void acquire(Path dataDir) throws IOException {
    Path lockFile = lockFileOf(dataDir);
    String key = HELD_PROPERTY + lockFile;
    if (System.getProperties().get(key) != null) {
      return;
    }
    FileChannel channel =
        FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException sameJvm) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw new IllegalStateException(
          "The embedded PostgreSQL data directory "
              + dataDir
              + " belongs to another running instance of this service (it holds "
              + lockFile
              + "). Instances never share an embedded server: give this one its own"
              + " directory (KB_EMBEDDED_DB_DATA_DIR), or let both use one PostgreSQL through"
              + " KB_DB_URL.");
    }
    System.setProperty(key, "held");
    holdUntilExit(lock);
  }

  /**
   * An unreachable channel is closed by its cleaner, which would drop the lock; a shutdown hook is
   * referenced by the JDK itself, so it keeps the lock for the JVM's life, across dev-mode reloads.
   */
  private static void holdUntilExit(FileLock lock) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    lock.channel().close();
                  } catch (IOException ignored) {
                    // The JVM is exiting; the kernel releases the lock anyway.
                  }
                },
                "embedded-postgres-owner-lock"));
  }
}
