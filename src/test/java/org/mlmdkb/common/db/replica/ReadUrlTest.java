package org.mlmdkb.common.db.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReadUrlTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "jdbc:postgresql://r1:5432,r2:5433/kb?user=kb&password=s3cret&targetServerType=preferSecondary",
        "jdbc:postgresql://r1:5432,r2:5433/kb?password=s3cret&loadBalanceHosts=true"
      })
  void multiHostUrlsAreAcceptedAndShownWithoutCredentials(String url) {
    String shown = ReadUrl.parse(url).orElseThrow().redacted();
    assertEquals("postgresql://r1:5432,r2:5433/kb", shown);
    assertTrue(!shown.contains("s3cret"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not a url password=s3cret",
        "postgresql://r1:5432/kb",
        "jdbc:mysql://r1:3306/kb",
        "jdbc:postgresql://r1:99999999999/kb",
        "jdbc:postgresql://r1:5432/kb?user=%zz"
      })
  void anythingPgJdbcRefusesIsMalformed(String url) {
    assertTrue(ReadUrl.parse(url).isEmpty(), url);
  }
}
