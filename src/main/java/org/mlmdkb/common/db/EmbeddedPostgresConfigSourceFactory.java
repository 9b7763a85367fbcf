package org.mlmdkb.common.db;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies the datasource URL: the external database from {@code KB_DB_URL} when given, otherwise
 * an embedded PostgreSQL that is started the first time the URL is read.
 *
 * <p>Agroal reads the URL at startup, before Flyway and Hibernate, so the server is up in time;
 * nothing starts while Maven builds the application.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

  static final String JDBC_URL = "quarkus.datasource.jdbc.url";

  /**
   * The application role's generated password; application.properties falls back to it when
   * KB_DB_PASSWORD is unset. Outside the kb.* namespace, which lists only settings users make.
   */
  static final String APP_PASSWORD = "mlmdkb.embedded-db.app-password";

  /** Below application.properties (250) and the environment (300): explicit settings win. */
  private static final int ORDINAL = 150;

  @Override
  public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
    Optional<String> external = value(context, "KB_DB_URL").or(() -> value(context, "kb.db.url"));
    if (external.isPresent()) {
      return List.of(new FixedUrlSource(toJdbcUrl(external.get())));
    }
    if (configuredExplicitly(context, JDBC_URL)
        || !value(context, "kb.embedded-db.enabled").map(Boolean::parseBoolean).orElse(true)) {
      return List.of();
    }
    EmbeddedPostgres server =
        new EmbeddedPostgres(
            Path.of(value(context, "kb.embedded-db.cache-dir").orElse("/var/tmp/mlmd-kb")),
            Path.of(value(context, "kb.embedded-db.data-dir").orElse("/var/tmp/mlmd-kb/data-prod")),
            value(context, "kb.embedded-db.port").map(Integer::parseInt).orElse(0),
            value(context, "kb.embedded-db.wipe-on-start")
                .map(Boolean::parseBoolean)
                .orElse(false));
    return List.of(new LazyEmbeddedUrlSource(server));
  }

  /** Accepts both {@code jdbc:postgresql://…} and libpq-style {@code postgresql://…} URLs. */
  static String toJdbcUrl(String url) {
    if (url.startsWith("jdbc:")) {
      return url;
    }
    if (url.startsWith("postgres://")) {
      return "jdbc:postgresql://" + url.substring("postgres://".length());
    }
    return "jdbc:" + url;
  }

  /**
   * Only sources above ours count: Quarkus also keeps build-time values as low-ordinal runtime
   * defaults, and a URL recorded there must not switch the embedded server off.
   */
  private static boolean configuredExplicitly(ConfigSourceContext context, String name) {
    ConfigValue v = context.getValue(name);
    return v != null
        && v.getValue() != null
        && !v.getValue().isBlank()
        && v.getConfigSourceOrdinal() > ORDINAL;
  }

  private static Optional<String> value(ConfigSourceContext context, String name) {
    ConfigValue v = context.getValue(name);
    return Optional.ofNullable(v == null ? null : v.getValue()).filter(s -> !s.isBlank());
  }

  private static final class FixedUrlSource implements ConfigSource {
    private final Map<String, String> values;

    FixedUrlSource(String url) {
      this.values = Map.of(JDBC_URL, url);
    }

    @Override
    public Set<String> getPropertyNames() {
      return values.keySet();
    }

    @Override
    public String getValue(String name) {
      return values.get(name);
    }

    @Override
    public String getName() {
      return "kb-external-database";
    }

    @Override
    public int getOrdinal() {
      return ORDINAL;
    }
  }

  private static final class LazyEmbeddedUrlSource implements ConfigSource {
    private final EmbeddedPostgres server;

    LazyEmbeddedUrlSource(EmbeddedPostgres server) {
      this.server = server;
    }

    @Override
    public Set<String> getPropertyNames() {
      return Set.of(JDBC_URL);
    }

    @Override
    public String getValue(String name) {
      boolean ours = JDBC_URL.equals(name) || APP_PASSWORD.equals(name);
      if (!ours || readByQuarkusBuild()) {
        return null;
      }
      String url = EmbeddedPostgres.jdbcUrl(server);
      return JDBC_URL.equals(name) ? url : server.appPassword();
    }

    /**
     * While packaging, Quarkus reads every known property to record runtime defaults; starting a
     * server then would bake its short-lived URL into the jar.
     */
    private static boolean readByQuarkusBuild() {
      return StackWalker.getInstance()
          .walk(
              frames ->
                  frames.anyMatch(
                      f ->
                          f.getClassName()
                              .startsWith(
                                  "io.quarkus.deployment.configuration.BuildTimeConfigurationReader")));
    }

    @Override
    public String getName() {
      return "kb-embedded-postgres";
    }

    @Override
    public int getOrdinal() {
      return ORDINAL;
    }
  }
}
