package org.mlmdkb.common.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mlmdkb.testsupport.EmbeddedServer;

/** The embedded server the service runs on: passwords required, no superuser for the service. */
@QuarkusTest
class EmbeddedLockdownTest {

  @Inject AgroalDataSource dataSource;

  private final EmbeddedPostgres server = EmbeddedServer.current();

  @Test
  void aLoginWithoutPasswordIsRefusedForEveryRole() {
    for (String role : new String[] {"kb", "postgres"}) {
      SQLException refused = assertThrows(SQLException.class, () -> connect(role, null).close());
      assertEquals("08004", refused.getSQLState(), refused.getMessage());
    }
  }

  @Test
  void aLoginWithAWrongPasswordIsRefused() {
    SQLException refused =
        assertThrows(SQLException.class, () -> connect("kb", "not-the-password").close());
    assertEquals("28P01", refused.getSQLState());
  }

  @Test
  void psqlWithoutThePasswordFails() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/psql")), "psql is installed");
    Process psql =
        new ProcessBuilder(
                "/usr/bin/psql",
                "-h",
                "127.0.0.1",
                "-p",
                Integer.toString(port()),
                "-U",
                "kb",
                "-w",
                "-c",
                "SELECT 1",
                "postgres")
            .redirectErrorStream(true)
            .start();
    String output = new String(psql.getInputStream().readAllBytes());
    psql.waitFor(20, TimeUnit.SECONDS);
    assertNotEquals(0, psql.exitValue(), output);
  }

  @Test
  void theServiceRoleIsNotSuperuserAndOwnsTheSchema() throws Exception {
    try (Connection c = dataSource.getConnection();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT current_user, r.rolsuper, r.rolcreatedb, r.rolcreaterole,"
                        + " (SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = 'public'),"
                        + " (SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace"
                        + "   AND relkind = 'r' AND relowner <> r.oid)"
                        + " FROM pg_roles r WHERE r.rolname = current_user")) {
      rs.next();
      assertEquals("kb", rs.getString(1));
      assertFalse(rs.getBoolean(2), "superuser");
      assertFalse(rs.getBoolean(3), "createdb");
      assertFalse(rs.getBoolean(4), "createrole");
      assertEquals("kb", rs.getString(5));
      assertEquals(0, rs.getLong(6), "tables in public owned by another role");
    }
  }

  @Test
  void theServiceRoleMaySetSessionReplicationRole() throws Exception {
    boolean maySet =
        Sql.with(
            dataSource,
            h ->
                h.createQuery("SELECT has_parameter_privilege('session_replication_role', 'SET')")
                    .mapTo(Boolean.class)
                    .one());
    assertTrue(maySet, "a large import skips per-row foreign-key checks with it");
  }

  @Test
  void theServiceRoleCannotRunProgramsThroughCopy() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      SQLException refused =
          assertThrows(
              SQLException.class,
              () -> c.createStatement().execute("COPY (SELECT 1) TO PROGRAM 'id'"));
      assertEquals("42501", refused.getSQLState(), refused.getMessage());
    }
  }

  @Test
  void passwordsAreStoredReadableByTheOwnerOnly() throws Exception {
    Path file = server.dataDir().resolve(EmbeddedCredentials.FILE_NAME);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }

  @Test
  void noLoginRuleTrustsWithoutPassword() throws Exception {
    assertFalse(new HbaFile(server.dataDir()).trustsAnyone());
  }

  private Connection connect(String user, String password) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", user);
    if (password != null) {
      props.setProperty("password", password);
    }
    return new org.postgresql.Driver().connect(EmbeddedPostgres.urlFor(port()), props);
  }

  private static int port() {
    String url = System.getProperty(EmbeddedPostgres.URL_PROPERTY);
    return Integer.parseInt(url.replaceAll(".*:(\\d+)/.*", "$1"));
  }
}
