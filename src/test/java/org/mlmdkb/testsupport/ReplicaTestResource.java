package org.mlmdkb.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.mlmdkb.common.db.EmbeddedPostgres;

/**
 * Starts a streaming replica of the tests' embedded PostgreSQL and points {@code KB_DB_READ_URL} at
 * it; the replica's data directory, port and binaries are passed as properties so that tests can
 * stop and start it (see {@link ReplicaControl}).
 */
public class ReplicaTestResource implements QuarkusTestResourceLifecycleManager {

  static final String DATA_DIR = "mlmdkb-test.replica.data-dir";
  static final String BIN_DIR = "mlmdkb-test.replica.bin-dir";
  static final String PORT = "mlmdkb-test.replica.port";

  private StreamingReplica replica;
  private StreamingReplica.Credentials credentials;
  private String primaryUrl;

  @Override
  public Map<String, String> start() {
    Path primaryData =
        Path.of(
            Optional.ofNullable(System.getenv("KB_EMBEDDED_DB_DATA_DIR"))
                .orElse("/var/tmp/mlmd-kb/data-test"));
    Path cacheDir =
        Path.of(
            Optional.ofNullable(System.getenv("KB_EMBEDDED_DB_CACHE_DIR"))
                .orElse("/var/tmp/mlmd-kb"));
    try {
      // Usually running already (the default profile's tests came first); if not, start it the
      // way the application would, so the application then finds and reuses it.
      EmbeddedPostgres primary = new EmbeddedPostgres(cacheDir, primaryData, 0, true);
      primaryUrl = EmbeddedPostgres.jdbcUrl(primary);
      credentials =
          new StreamingReplica.Credentials(primary.superuserPassword(), primary.appPassword());
      replica =
          StreamingReplica.createFrom(
              primaryUrl,
              primaryData,
              primaryData.resolveSibling(primaryData.getFileName() + "-replica"),
              credentials);
    } catch (Exception e) {
      throw new IllegalStateException("Could not start the test replica", e);
    }
    return Map.of(
        "quarkus.datasource.read.jdbc.url",
        replica.jdbcUrl(),
        "kb.replica.check-interval",
        "200ms",
        "kb.replica.max-lag",
        "10s",
        DATA_DIR,
        replica.dataDir().toString(),
        BIN_DIR,
        replica.binDir().toString(),
        PORT,
        Integer.toString(replica.port()));
  }

  @Override
  public void stop() {
    if (replica != null) {
      try {
        replica.destroy(primaryUrl, credentials);
      } catch (Exception e) {
        throw new IllegalStateException("Could not stop the test replica", e);
      }
    }
  }
}
