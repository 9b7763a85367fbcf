package org.mlmdkb.testsupport;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.config.ConfigProvider;

/** Drives the replica of {@link ReplicaProfile} from a test: stop, start, pause replay. */
public final class ReplicaControl {

  private ReplicaControl() {}

  public static StreamingReplica replica() {
    var config = ConfigProvider.getConfig();
    return new StreamingReplica(
        Path.of(config.getValue(ReplicaTestResource.BIN_DIR, String.class)),
        Path.of(config.getValue(ReplicaTestResource.DATA_DIR, String.class)),
        config.getValue(ReplicaTestResource.PORT, Integer.class),
        EmbeddedServer.current().appPassword());
  }

  public static void stop() throws IOException {
    replica().stop();
  }

  public static void start() throws IOException {
    replica().start();
  }

  /** Stops applying WAL (it is still received): the replica falls behind on purpose. */
  public static void pauseReplay() throws SQLException {
    execute("SELECT pg_wal_replay_pause()");
  }

  public static void resumeReplay() throws SQLException {
    execute("SELECT pg_wal_replay_resume()");
  }

  public static Connection connect() throws SQLException {
    return DriverManager.getConnection(replica().jdbcUrl());
  }

  /** Replay control is the superuser's (the service role may not pause recovery). */
  private static void execute(String sql) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + replica().port() + "/postgres",
                "postgres",
                EmbeddedServer.current().superuserPassword());
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
