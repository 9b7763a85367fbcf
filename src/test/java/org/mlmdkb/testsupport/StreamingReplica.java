package org.mlmdkb.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A real streaming replica of a running PostgreSQL, made by PostgreSQL's documented low-level base
 * backup: a physical slot keeps the WAL, {@code pg_backup_start()}, a file copy of the data
 * directory, {@code pg_backup_stop()} whose label file becomes {@code backup_label}, then {@code
 * standby.signal} and {@code primary_conninfo}. The embedded binaries have no pg_basebackup, and
 * Debian's refuses a version 17 server.
 *
 * <p>Everything needed to stop or start it again is its data directory, port and binaries, so a
 * test can drive the replica that a test resource created in another class loader.
 */
public final class StreamingReplica {

  static final String SLOT = "kb_test_replica";

  /** Files that describe the running primary, not its data; the replica must not inherit them. */
  private static final Set<String> SKIPPED =
      Set.of("postmaster.pid", "postmaster.opts", "embedded-postgres.log", "standby.signal");

  /** Directories copied empty: their contents are recreated or streamed (WAL) by the replica. */
  private static final Set<String> EMPTIED =
      Set.of("pg_wal", "pg_replslot", "pg_stat_tmp", "pg_dynshmem", "pg_notify", "pg_serial");

  private final Path binDir;
  private final Path dataDir;
  private final int port;
  private final String appPassword;

  /**
   * The primary's passwords: the superuser streams and takes the base backup (the service role may
   * do neither); the replica, a copy, knows the service role by the same password.
   */
  public record Credentials(String superuserPassword, String appPassword) {
    Connection superuser(String url) throws SQLException {
      return DriverManager.getConnection(url, "postgres", superuserPassword);
    }
  }

  public StreamingReplica(Path binDir, Path dataDir, int port, String appPassword) {
    this.binDir = binDir;
    this.dataDir = dataDir;
    this.port = port;
    this.appPassword = appPassword;
  }

  /**
   * Copies the running primary behind {@code primaryUrl} (data directory {@code primaryData}) into
   * {@code replicaData} and starts it as a standby on a free port.
   */
  public static StreamingReplica createFrom(
      String primaryUrl, Path primaryData, Path replicaData, Credentials credentials)
      throws IOException, SQLException {
    Path binDir = binariesOf(primaryData);
    String primaryPort = primaryUrl.replaceAll("^jdbc:postgresql://[^:]+:(\\d+)/.*$", "$1");
    try (Connection primary = credentials.superuser(primaryUrl);
        Statement sql = primary.createStatement()) {
      sql.execute(
          "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
              + " WHERE slot_name = '"
              + SLOT
              + "' AND NOT active");
      if (!exists(sql, "SELECT 1 FROM pg_replication_slots WHERE slot_name = '" + SLOT + "'")) {
        // Reserve WAL now: the copy leaves pg_wal out and the replica streams it from here.
        sql.execute("SELECT pg_create_physical_replication_slot('" + SLOT + "', true)");
      }
      sql.execute("SELECT pg_backup_start('kb-test-replica', true)");
      String label;
      try {
        deleteRecursively(replicaData);
        copyDataDirectory(primaryData, replicaData);
      } finally {
        try (ResultSet rs = sql.executeQuery("SELECT labelfile FROM pg_backup_stop(true)")) {
          rs.next();
          label = rs.getString(1);
        }
      }
      Files.writeString(replicaData.resolve("backup_label"), label, StandardCharsets.UTF_8);
    }
    Files.writeString(replicaData.resolve("standby.signal"), "");
    Files.writeString(
        replicaData.resolve("postgresql.auto.conf"),
        "\nprimary_conninfo = 'host=127.0.0.1 port="
            + primaryPort
            + " user=postgres password="
            + credentials.superuserPassword()
            + " application_name=kb-test-replica'\nprimary_slot_name = '"
            + SLOT
            + "'\nhot_standby_feedback = on\n",
        StandardOpenOption.APPEND);
    handToPostgresUser(replicaData);
    StreamingReplica replica =
        new StreamingReplica(binDir, replicaData, freePort(), credentials.appPassword());
    replica.start();
    return replica;
  }

  public int port() {
    return port;
  }

  public Path dataDir() {
    return dataDir;
  }

  public Path binDir() {
    return binDir;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=kb&password=" + appPassword;
  }

  public void start() throws IOException {
    run(
        pgCtl(
            "-D",
            dataDir.toString(),
            "-l",
            dataDir.resolve("replica.log").toString(),
            "-w",
            "-t",
            "60",
            "-o",
            "-p " + port + " -h 127.0.0.1 -k ''",
            "start"));
  }

  /** Fast shutdown: sessions are cut at once, as when a replica host goes away. */
  public void stop() throws IOException {
    if (Files.exists(dataDir.resolve("postmaster.pid"))) {
      run(pgCtl("-D", dataDir.toString(), "-m", "fast", "-w", "stop"));
    }
  }

  /** Stops the replica, frees its slot on the primary (else WAL piles up) and deletes it. */
  public void destroy(String primaryUrl, Credentials credentials) throws IOException {
    stop();
    try (Connection primary = credentials.superuser(primaryUrl);
        Statement sql = primary.createStatement()) {
      sql.execute(
          "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
              + " WHERE slot_name = '"
              + SLOT
              + "'");
    } catch (SQLException primaryGone) {
      // The primary stops with the test JVM; its slot goes with its data directory.
    }
    deleteRecursively(dataDir);
  }

  private static boolean exists(Statement sql, String query) throws SQLException {
    try (ResultSet rs = sql.executeQuery(query)) {
      return rs.next();
    }
  }

  /** postmaster.opts names the postgres binary the primary runs: the replica uses the same. */
  static Path binariesOf(Path primaryData) throws IOException {
    String opts = Files.readString(primaryData.resolve("postmaster.opts")).strip();
    String postgres = opts.split("\\s+", 2)[0].replace("\"", "");
    return Path.of(postgres).getParent();
  }

  private static void copyDataDirectory(Path from, Path to) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            Path target = to.resolve(from.relativize(dir).toString());
            Files.createDirectories(target);
            if (EMPTIED.contains(dir.getFileName().toString()) && !dir.equals(from)) {
              if (dir.getFileName().toString().equals("pg_wal")) {
                Files.createDirectories(target.resolve("archive_status"));
              }
              return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            if (SKIPPED.contains(file.getFileName().toString())) {
              return FileVisitResult.CONTINUE;
            }
            try {
              Files.copy(
                  file,
                  to.resolve(from.relativize(file).toString()),
                  StandardCopyOption.COPY_ATTRIBUTES);
            } catch (NoSuchFileException vanished) {
              // A temporary file removed while copying: the backup protocol allows it.
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof NoSuchFileException) {
              return FileVisitResult.CONTINUE;
            }
            throw e;
          }
        });
  }

  private static boolean runningAsRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** PostgreSQL refuses root: as root, the data directory goes to nobody, who runs the server. */
  private static void handToPostgresUser(Path dir) throws IOException {
    Files.setPosixFilePermissions(
        dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    if (runningAsRoot()) {
      run(List.of("chown", "-R", "nobody:nogroup", dir.toString()));
    }
  }

  private List<String> pgCtl(String... args) {
    List<String> command = new ArrayList<>();
    if (runningAsRoot()) {
      command.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
    }
    command.add(binDir.resolve("pg_ctl").toString());
    command.addAll(List.of(args));
    return command;
  }

  private static void run(List<String> command) throws IOException {
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .directory(new java.io.File("/"))
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException(String.join(" ", command) + " failed: " + output.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
