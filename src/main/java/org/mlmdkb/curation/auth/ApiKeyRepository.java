package org.mlmdkb.curation.auth;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.mlmdkb.common.db.Sql;

/** API key rows; keys are found by the hash of the presented key, never by the key. */
@ApplicationScoped
public class ApiKeyRepository {

  public record KeyRow(
      String name, Role role, OffsetDateTime createdAt, OffsetDateTime revokedAt) {}

  private final AgroalDataSource dataSource;

  public ApiKeyRepository(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Optional<KeyRow> findActiveByHash(String hash) throws SQLException {
    return findOne(
        "SELECT name, role, created_at, revoked_at FROM api_key"
            + " WHERE key_hash = :value AND revoked_at IS NULL",
        hash);
  }

  public Optional<KeyRow> findByName(String name) throws SQLException {
    return findOne(
        "SELECT name, role, created_at, revoked_at FROM api_key WHERE name = :value", name);
  }

  public KeyRow insert(String name, Role role, String hash) throws SQLException {
    return Sql.query(
        dataSource,
        "INSERT INTO api_key (name, role, key_hash) VALUES (:name, :role, :hash)"
            + " RETURNING name, role, created_at, revoked_at",
        q ->
            q.bind("name", name)
                .bind("role", role.wire())
                .bind("hash", hash)
                .map((rs, ctx) -> row(rs))
                .one());
  }

  /** The configured bootstrap key wins over whatever the table holds under its name. */
  public void upsertAdmin(String name, String hash) throws SQLException {
    Sql.use(
        dataSource,
        h ->
            h.createUpdate(
                    """
                    INSERT INTO api_key (name, role, key_hash) VALUES (:name, 'admin', :hash)
                    ON CONFLICT (name) DO UPDATE
                        SET role = 'admin', key_hash = EXCLUDED.key_hash, revoked_at = NULL
                    """)
                .bind("name", name)
                .bind("hash", hash)
                .execute());
  }

  /** Returns false when no active key has this name. */
  public boolean revoke(String name) throws SQLException {
    return Sql.with(
        dataSource,
        h ->
            h.createUpdate(
                        "UPDATE api_key SET revoked_at = now()"
                            + " WHERE name = :name AND revoked_at IS NULL")
                    .bind("name", name)
                    .execute()
                == 1);
  }

  /** The key row {@code sql} finds by its one parameter, {@code :value}. */
  private Optional<KeyRow> findOne(String sql, String value) throws SQLException {
    return Sql.query(
        dataSource, sql, q -> q.bind("value", value).map((rs, ctx) -> row(rs)).findFirst());
  }

  private static KeyRow row(ResultSet rs) throws SQLException {
    return new KeyRow(
        rs.getString("name"),
        Role.fromWire(rs.getString("role")),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("revoked_at", OffsetDateTime.class));
  }
}
