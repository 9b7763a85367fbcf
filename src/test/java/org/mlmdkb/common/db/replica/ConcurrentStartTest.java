package org.mlmdkb.common.db.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.mlmdkb.common.db.EmbeddedPostgres;
import org.mlmdkb.testsupport.EmbeddedServer;

/**
 * Two instances starting at the same moment on an empty database: both run Flyway as the
 * application does at start, at once, in one JVM (two Quarkus applications in one test JVM are not
 * practical). Flyway's own lock must leave one migrated schema.
 */
@QuarkusTest
class ConcurrentStartTest {

  private static final String USER = "kb";

  private final EmbeddedPostgres server = EmbeddedServer.current();

  @Test
  void twoInstancesMigratingAnEmptyDatabaseAtOnceLeaveOneSchema() throws Exception {
    String database = "kb_twins_" + System.nanoTime();
    String password = server.appPassword();
    // The service role may not create databases; the superuser makes one the service role owns.
    asSuperuser("CREATE DATABASE " + database + " OWNER " + USER);
    try {
      String twinUrl =
          System.getProperty("mlmdkb.embedded-db.running-url").replace("/postgres", "/" + database);
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService instances = Executors.newFixedThreadPool(2);
      List<Future<Integer>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        Callable<Integer> instance =
            () -> {
              Flyway flyway =
                  Flyway.configure()
                      .dataSource(twinUrl, USER, password)
                      .locations("filesystem:migrations")
                      .load();
              start.await();
              return flyway.migrate().migrationsExecuted;
            };
        runs.add(instances.submit(instance));
      }
      start.countDown();
      int executed = 0;
      for (Future<Integer> run : runs) {
        executed += run.get();
      }
      instances.shutdown();

      long files;
      try (Stream<Path> sql = Files.list(Path.of("migrations"))) {
        files = sql.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
      }
      assertEquals(files, executed, "each migration ran once across both instances");
      try (Connection c = DriverManager.getConnection(twinUrl, USER, password);
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT count(*), count(DISTINCT version), bool_and(success)"
                      + " FROM flyway_schema_history WHERE version IS NOT NULL")) {
        rs.next();
        assertEquals(files, rs.getLong(1), "one history row per migration");
        assertEquals(files, rs.getLong(2), "no version applied twice");
        assertEquals(true, rs.getBoolean(3), "every migration succeeded");
      }
    } finally {
      asSuperuser("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  private void asSuperuser(String sql) throws Exception {
    String url = System.getProperty("mlmdkb.embedded-db.running-url");
    try (Connection c = DriverManager.getConnection(url, "postgres", server.superuserPassword());
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
