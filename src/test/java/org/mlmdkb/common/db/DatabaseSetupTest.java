package org.mlmdkb.common.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DatabaseSetupTest {

  @Inject AgroalDataSource dataSource;

  @Test
  void runsOnRealPostgresql17WithTrigramAndUnaccent() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      ResultSet version = c.createStatement().executeQuery("SHOW server_version_num");
      version.next();
      assertTrue(version.getInt(1) >= 170000, "PostgreSQL 17 or newer");
      ResultSet ext =
          c.createStatement()
              .executeQuery(
                  "SELECT extname FROM pg_extension WHERE extname IN ('pg_trgm','unaccent')"
                      + " ORDER BY extname");
      List<String> names = new ArrayList<>();
      while (ext.next()) {
        names.add(ext.getString(1));
      }
      assertEquals(List.of("pg_trgm", "unaccent"), names);
    }
  }

  @Test
  void unaccentWorksForAuthorNames() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      ResultSet rs = c.createStatement().executeQuery("SELECT unaccent('Schütt Bartók')");
      rs.next();
      assertEquals("Schutt Bartok", rs.getString(1));
    }
  }
}
