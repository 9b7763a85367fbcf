package org.mlmdkb.common.db.replica;

import java.util.Optional;
import java.util.Properties;
import org.postgresql.Driver;

/** The configured {@code KB_DB_READ_URL}, checked by pgJDBC's own parser, and its safe form. */
record ReadUrl(String hosts, String database) {

  /** Empty when the text is not a URL pgJDBC accepts (a typo, a libpq-style URL, junk). */
  static Optional<ReadUrl> parse(String url) {
    Properties parsed;
    try {
      parsed = Driver.parseURL(url, new Properties());
    } catch (RuntimeException malformed) {
      return Optional.empty();
    }
    if (parsed == null) {
      return Optional.empty();
    }
    String[] hosts = parsed.getProperty("PGHOST", "").split(",");
    String[] ports = parsed.getProperty("PGPORT", "").split(",");
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < hosts.length; i++) {
      list.append(i == 0 ? "" : ",").append(hosts[i]);
      if (i < ports.length && !ports[i].isBlank()) {
        list.append(':').append(ports[i]);
      }
    }
    return Optional.of(new ReadUrl(list.toString(), parsed.getProperty("PGDBNAME", "")));
  }

  /** Hosts, ports and database only: user, password and every other parameter are left out. */
  String redacted() {
    return "postgresql://" + hosts + "/" + database;
  }
}
