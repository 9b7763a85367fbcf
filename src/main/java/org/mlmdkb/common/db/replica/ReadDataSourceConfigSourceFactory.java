package org.mlmdkb.common.db.replica;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Deactivates the {@code read} datasource when {@code KB_DB_READ_URL} is not a URL pgJDBC accepts:
 * the pool would otherwise be created anyway and log the URL, which may hold a password. The
 * service then starts on the primary and {@link ReplicaMonitor} says why.
 */
public class ReadDataSourceConfigSourceFactory implements ConfigSourceFactory {

  static final String READ_URL = "quarkus.datasource.read.jdbc.url";

  /** Above application.properties (250), below the environment (300). */
  private static final int ORDINAL = 275;

  @Override
  public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
    ConfigValue url = context.getValue(READ_URL);
    if (url == null || url.getValue() == null || url.getValue().isBlank()) {
      return List.of();
    }
    if (ReadUrl.parse(url.getValue()).isPresent()) {
      return List.of();
    }
    return List.of(
        new MapBackedConfigSource(
            "kb-malformed-read-url",
            Map.of("quarkus.datasource.read.active", "false"),
            ORDINAL) {});
  }
}
