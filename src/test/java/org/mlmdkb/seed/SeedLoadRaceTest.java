package org.mlmdkb.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlmdkb.common.db.EmbeddedPostgres;
import org.mlmdkb.testsupport.EmbeddedServer;

/** Two instances starting at once on one fresh database: the corpus is loaded once. */
@QuarkusTest
class SeedLoadRaceTest {

  private static final String DATABASE = "seed_race";

  @Inject SeedLoader loader;

  private final EmbeddedPostgres server = EmbeddedServer.current();

  @BeforeEach
  void createFreshMigratedDatabase() throws SQLException {
    try (Connection su = connect("postgres", "postgres", server.superuserPassword());
        Statement s = su.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + DATABASE + " OWNER kb");
    }
    Flyway.configure()
        .dataSource(url(DATABASE), "kb", server.appPassword())
        .locations("filesystem:migrations")
        .load()
        .migrate();
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    try (Connection su = connect("postgres", "postgres", server.superuserPassword());
        Statement s = su.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
    }
  }

  @Test
  void twoLoadersStartingTogetherLoadTheCorpusOnce() throws Exception {
    CyclicBarrier together = new CyclicBarrier(2);
    Callable<String> instance =
        () -> {
          try (Connection c = connect(DATABASE, "kb", server.appPassword())) {
            c.setAutoCommit(false);
            together.await();
            String summary = loader.loadInto(c);
            c.commit();
            return summary;
          }
        };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<String> summaries = new ArrayList<>();
    try {
      List<Future<String>> runs = List.of(pool.submit(instance), pool.submit(instance));
      for (Future<String> run : runs) {
        summaries.add(run.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, summaries.stream().filter("unchanged"::equals).count(), summaries.toString());
    String winner =
        summaries.stream().filter(x -> !"unchanged".equals(x)).findFirst().orElseThrow();
    long papersInserted = Long.parseLong(winner.replaceAll(".* (\\d+) papers.*", "$1"));
    try (Connection c = connect(DATABASE, "kb", server.appPassword());
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT (SELECT count(*) FROM seed_load), (SELECT count(*) FROM paper)")) {
      rs.next();
      assertEquals(1, rs.getLong(1), "seed loads recorded");
      assertEquals(papersInserted, rs.getLong(2), "papers stored once");
    }
  }

  private Connection connect(String database, String user, String password) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", user);
    props.setProperty("password", password);
    return new org.postgresql.Driver().connect(url(database), props);
  }

  private static String url(String database) {
    return System.getProperty("mlmdkb.embedded-db.running-url")
        .replace("/postgres", "/" + database);
  }
}
