package org.mlmdkb.common.db;

import static org.mlmdkb.common.db.EmbeddedCredentials.APP_ROLE;
import static org.mlmdkb.common.db.EmbeddedCredentials.SUPERUSER;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.jboss.logging.Logger;

/**
 * Locks the embedded server down, on every start: logins need a password (SCRAM), the service
 * connects as {@value EmbeddedCredentials#APP_ROLE}, a role that owns the schema and may set {@code
 * session_replication_role}, and nothing more (no superuser, so no {@code COPY … TO PROGRAM}), and
 * the superuser {@value EmbeddedCredentials#SUPERUSER} has a password known only to the data
 * directory's owner.
 *
 * <p>Data directories of earlier versions trusted every local login and ran the service as the
 * bootstrap superuser {@code kb}; they are converted in place, keeping their data. Every step is
 * idempotent, so an upgrade cut short is finished by the next start.
 */
final class EmbeddedLockdown {

  private static final Logger LOG = Logger.getLogger(EmbeddedLockdown.class);
  private static final String UPGRADE_HELPER = "kb_upgrade";

  /** Objects in public owned by the superuser (not by an extension) pass to the app role. */
  private static final String GIVE_SCHEMA_OBJECTS_TO_APP_ROLE =
      """
      DO $$
      DECLARE
        r record;
      BEGIN
        FOR r IN
          SELECT c.oid::regclass AS name, c.relkind FROM pg_class c
          WHERE c.relnamespace = 'public'::regnamespace AND c.relowner = 'postgres'::regrole
            AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                            AND d.objid = c.oid AND d.deptype = 'e')
        LOOP
          EXECUTE format('ALTER %s %s OWNER TO kb',
            CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                           WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, r.name);
        END LOOP;
        -- Sequences of a table moved with it; what is left stands alone.
        FOR r IN
          SELECT c.oid::regclass AS name FROM pg_class c
          WHERE c.relnamespace = 'public'::regnamespace AND c.relowner = 'postgres'::regrole
            AND c.relkind = 'S'
            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                            AND d.objid = c.oid AND d.deptype = 'e')
        LOOP
          EXECUTE format('ALTER SEQUENCE %s OWNER TO kb', r.name);
        END LOOP;
        FOR r IN
          SELECT p.oid::regprocedure AS name FROM pg_proc p
          WHERE p.pronamespace = 'public'::regnamespace AND p.proowner = 'postgres'::regrole
            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                            AND d.objid = p.oid AND d.deptype = 'e')
        LOOP
          EXECUTE format('ALTER ROUTINE %s OWNER TO kb', r.name);
        END LOOP;
        FOR r IN
          SELECT t.oid::regtype AS name, t.typtype FROM pg_type t
          WHERE t.typnamespace = 'public'::regnamespace AND t.typowner = 'postgres'::regrole
            AND t.typtype IN ('e', 'd', 'r') AND t.typrelid = 0
            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass
                            AND d.objid = t.oid AND d.deptype = 'e')
        LOOP
          EXECUTE format('ALTER %s %s OWNER TO kb',
            CASE r.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, r.name);
        END LOOP;
      END $$""";

  private final HbaFile hba;
  private final int port;
  private final EmbeddedCredentials credentials;

  EmbeddedLockdown(HbaFile hba, int port, EmbeddedCredentials credentials) {
    this.hba = hba;
    this.port = port;
    this.credentials = credentials;
  }

  void apply() throws IOException, SQLException {
    if (!hba.trustsAnyone()) {
      try (Connection su = connect(SUPERUSER, credentials.superuserPassword())) {
        provision(su);
      }
      return;
    }
    LOG.info("Upgrading an embedded data directory that trusted every login: passwords, roles");
    renameLegacySuperuser();
    try (Connection su = connect(SUPERUSER, null)) {
      provision(su);
      hba.requirePasswords();
      try (Statement s = su.createStatement()) {
        s.execute("SELECT pg_reload_conf()");
      }
    }
  }

  /**
   * Earlier versions made {@code kb} the bootstrap superuser, which can never lose superuser: it is
   * renamed to {@value EmbeddedCredentials#SUPERUSER} (from a helper session, as a role cannot
   * rename itself) and a new, plain {@code kb} takes over the schema.
   */
  private void renameLegacySuperuser() throws SQLException {
    String bootstrap;
    try (Connection c = connectTrusted();
        ResultSet rs =
            c.createStatement().executeQuery("SELECT rolname FROM pg_roles WHERE oid = 10")) {
      rs.next();
      bootstrap = rs.getString(1);
      if (SUPERUSER.equals(bootstrap)) {
        return;
      }
      execute(c, "DROP ROLE IF EXISTS " + UPGRADE_HELPER);
      execute(c, "CREATE ROLE " + UPGRADE_HELPER + " SUPERUSER LOGIN");
    }
    try (Connection helper = connect(UPGRADE_HELPER, null)) {
      execute(helper, "ALTER ROLE " + bootstrap + " RENAME TO " + SUPERUSER);
    }
    try (Connection su = connect(SUPERUSER, null)) {
      execute(su, "DROP ROLE " + UPGRADE_HELPER);
    }
  }

  private Connection connectTrusted() throws SQLException {
    try {
      return connect(SUPERUSER, null);
    } catch (SQLException noSuchRole) {
      return connect(APP_ROLE, null);
    }
  }

  private void provision(Connection su) throws SQLException {
    execute(su, "SET password_encryption = 'scram-sha-256'");
    execute(su, "ALTER ROLE " + SUPERUSER + " PASSWORD '" + credentials.superuserPassword() + "'");
    execute(
        su,
        "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '"
            + APP_ROLE
            + "') THEN CREATE ROLE "
            + APP_ROLE
            + "; END IF; END $$");
    execute(
        su,
        "ALTER ROLE "
            + APP_ROLE
            + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '"
            + credentials.appPassword()
            + "'");
    // The migrations create these; a role that is not superuser may only find them there.
    execute(su, "CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public");
    execute(su, "CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public");
    execute(su, "ALTER SCHEMA public OWNER TO " + APP_ROLE);
    // Lets a large result import skip the per-row foreign-key checks it has done set-based
    // (SetBasedReferenceChecks). No power the owner of the tables lacks: it may drop the keys.
    execute(su, "GRANT SET ON PARAMETER session_replication_role TO " + APP_ROLE);
    execute(su, GIVE_SCHEMA_OBJECTS_TO_APP_ROLE);
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private Connection connect(String user, String password) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", user);
    if (password != null) {
      props.setProperty("password", password);
    }
    props.setProperty("connectTimeout", "10");
    props.setProperty("socketTimeout", "60");
    // The driver class directly: DriverManager may not see it from this class loader at startup.
    return new org.postgresql.Driver().connect(EmbeddedPostgres.urlFor(port), props);
  }
}
