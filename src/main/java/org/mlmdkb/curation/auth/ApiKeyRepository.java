package org.mlmdkb.curation.auth;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;

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
            + " WHERE key_hash = ? AND revoked_at IS NULL",
        hash);
  }

  public Optional<KeyRow> findByName(String name) throws SQLException {
    return findOne("SELECT name, role, created_at, revoked_at FROM api_key WHERE name = ?", name);
  }

  public KeyRow insert(String name, Role role, String hash) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO api_key (name, role, key_hash) VALUES (?, ?, ?)"
                    + " RETURNING name, role, created_at, revoked_at")) {
      ps.setString(1, name);
      ps.setString(2, role.wire());
      ps.setString(3, hash);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return row(rs);
      }
    }
  }

  /** The configured bootstrap key wins over whatever the table holds under its name. */
  public void upsertAdmin(String name, String hash) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                """
                INSERT INTO api_key (name, role, key_hash) VALUES (?, 'admin', ?)
                ON CONFLICT (name) DO UPDATE
                    SET role = 'admin', key_hash = EXCLUDED.key_hash, revoked_at = NULL
                """)) {
      ps.setString(1, name);
      ps.setString(2, hash);
      ps.executeUpdate();
    }
  }

  /** Returns false when no active key has this name. */
  public boolean revoke(String name) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE api_key SET revoked_at = now() WHERE name = ? AND revoked_at IS NULL")) {
      ps.setString(1, name);
      return ps.executeUpdate() == 1;
    }
  }

  private Optional<KeyRow> findOne(String sql, String value) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, value);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(row(rs)) : Optional.empty();
      }
    }
  }

  private static KeyRow row(ResultSet rs) throws SQLException {
    return new KeyRow(
        rs.getString("name"),
        Role.fromWire(rs.getString("role")),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("revoked_at", OffsetDateTime.class));
  }
}
