package org.mlmdkb.common.db;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Its own Quarkus application for the tests that stop or freeze PostgreSQL, so that no other test
 * class shares their pool; a short socket timeout keeps the frozen case quick.
 */
public class DatabaseFailureProfile implements QuarkusTestProfile {

  static final int SOCKET_TIMEOUT_SECONDS = 3;

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "quarkus.datasource.jdbc.additional-jdbc-properties.socketTimeout",
        Integer.toString(SOCKET_TIMEOUT_SECONDS),
        "quarkus.datasource.jdbc.new-connection-sql",
        "SET statement_timeout = '2s'");
  }
}
