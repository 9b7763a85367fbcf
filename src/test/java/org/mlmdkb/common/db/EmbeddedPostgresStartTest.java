package org.mlmdkb.common.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Starting the embedded server on data directories that earlier runs or other processes left. */
class EmbeddedPostgresStartTest {

  private static final Path CACHE =
      Path.of(System.getenv().getOrDefault("KB_EMBEDDED_DB_CACHE_DIR", "/var/tmp/mlmd-kb"));

  private Path root;
  private Path dataDir;
  private EmbeddedPostgres server;
  private Process bystander;

  @BeforeEach
  void createDirectories() throws IOException {
    // Not @TempDir: JUnit makes it 0700, which 'nobody' (PostgreSQL under root) cannot enter.
    root = Path.of("/var/tmp/mlmd-kb-db-hardening", "start-test-" + UUID.randomUUID());
    Files.createDirectories(root);
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
    dataDir = root.resolve("data");
    server = new EmbeddedPostgres(CACHE, dataDir, 0, false);
  }

  @AfterEach
  void cleanUp() throws IOException {
    if (bystander != null) {
      bystander.destroyForcibly();
    }
    if (server.postmasterPid().isPresent()) {
      server.stop();
    }
    EmbeddedPostgres.deleteRecursively(root);
  }

  @Test
  void aDataDirectoryOfAnEarlierVersionIsLockedDownInPlaceKeepingItsData() throws Exception {
    int port = createLegacyDataDirectoryWithOneRow();
    String url = server.start();
    try (Connection c = connect(url, "kb", server.appPassword());
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT (SELECT note FROM legacy_note), r.rolsuper,"
                        + " (SELECT relowner::regrole::text FROM pg_class WHERE relname = 'legacy_note')"
                        + " FROM pg_roles r WHERE r.rolname = current_user")) {
      rs.next();
      assertEquals("kept", rs.getString(1));
      assertFalse(rs.getBoolean(2), "the service role is no longer superuser");
      assertEquals("kb", rs.getString(3));
    }
    assertEquals(url, EmbeddedPostgres.urlFor(port));
    assertThrows(SQLException.class, () -> connect(url, "kb", null).close());
    assertThrows(SQLException.class, () -> connect(url, "postgres", null).close());
    assertFalse(new HbaFile(dataDir).trustsAnyone());
  }

  @Test
  void aPidFileNamingAnUnrelatedLiveProcessDoesNotBlockTheStart() throws Exception {
    server.start();
    server.stop();
    bystander = new ProcessBuilder("sleep", "120").start();
    // What a postmaster writes: pid, data directory, start time, port, socket dir, host, ...
    Files.writeString(
        dataDir.resolve("postmaster.pid"),
        bystander.pid() + "\n" + dataDir + "\n1700000000\n5432\n\n127.0.0.1\n  5432001  0\nready\n",
        StandardCharsets.UTF_8);
    String url = server.start();
    try (Connection c = connect(url, "kb", server.appPassword())) {
      assertTrue(c.isValid(5));
    }
    assertTrue(bystander.isAlive(), "the unrelated process was left alone");
  }

  @Test
  void aSecondInstanceRefusesADataDirectoryAnotherProcessOwns() throws Exception {
    Path lockFile = DataDirLock.lockFileOf(dataDir.toAbsolutePath());
    Files.createFile(lockFile);
    // Another process holding the same kind of lock (fcntl) that a running instance holds.
    bystander =
        new ProcessBuilder(
                "python3",
                "-c",
                "import fcntl, sys, time\n"
                    + "f = open(sys.argv[1], 'w')\n"
                    + "fcntl.lockf(f, fcntl.LOCK_EX)\n"
                    + "print('locked', flush=True)\n"
                    + "time.sleep(120)\n",
                lockFile.toString())
            .start();
    assertEquals("locked", new String(bystander.getInputStream().readNBytes(6)));
    IllegalStateException refused = assertThrows(IllegalStateException.class, server::start);
    assertTrue(
        refused.getMessage().contains("belongs to another running instance"), refused.getMessage());
    assertFalse(Files.exists(dataDir.resolve("PG_VERSION")), "nothing was initialised");
  }

  /** initdb and a row as version 1 of this service made them: trust, superuser kb. */
  private int createLegacyDataDirectoryWithOneRow() throws Exception {
    PgTools tools = server.tools();
    Files.createDirectories(dataDir);
    Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
    tools.handOver(dataDir);
    tools.run(
        "initdb",
        "initdb",
        "-D",
        dataDir.toString(),
        "-U",
        "kb",
        "-A",
        "trust",
        "-E",
        "UTF8",
        "--locale=C.UTF-8",
        "--no-sync");
    int port;
    try (var socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    tools.run(
        "pg_ctl start",
        "pg_ctl",
        "-D",
        dataDir.toString(),
        "-l",
        dataDir.resolve("embedded-postgres.log").toString(),
        "-w",
        "-o",
        "-p " + port + " -h 127.0.0.1 -k ''",
        "start");
    try (Connection c = connect(EmbeddedPostgres.urlFor(port), "kb", null);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE legacy_note (id bigserial PRIMARY KEY, note text)");
      s.execute("INSERT INTO legacy_note (note) VALUES ('kept')");
      s.execute("CREATE FUNCTION legacy_answer() RETURNS int LANGUAGE sql AS 'SELECT 42'");
    }
    // Left running, as a killed run of the old version would have left it: it is adopted.
    return port;
  }

  private static Connection connect(String url, String user, String password) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", user);
    if (password != null) {
      props.setProperty("password", password);
    }
    return new org.postgresql.Driver().connect(url, props);
  }
}
