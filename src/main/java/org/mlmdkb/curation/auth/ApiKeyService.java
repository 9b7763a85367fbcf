package org.mlmdkb.curation.auth;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mlmdkb.common.config.KbConfig;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.common.error.ProblemType;

/** Issues, checks and revokes API keys; installs the configured bootstrap admin key on start. */
@ApplicationScoped
@Transactional
public class ApiKeyService {

  /** The name under which the key from {@code kb.admin-key} is stored and recorded in history. */
  public static final String BOOTSTRAP_NAME = "bootstrap-admin";

  private static final Pattern NAME = Pattern.compile("^[a-z0-9]+([._-][a-z0-9]+)*$");
  private static final int MIN_CONFIGURED_KEY_LENGTH = 16;
  // Longer than any key we issue; bounds the work spent hashing a hostile header.
  private static final int MAX_PRESENTED_KEY_LENGTH = 256;

  public record CreatedKey(String name, Role role, String key, OffsetDateTime createdAt) {}

  private final ApiKeyRepository keys;
  private final Optional<String> adminKey;

  public ApiKeyService(ApiKeyRepository keys, KbConfig config) {
    this.keys = keys;
    this.adminKey = config.adminKey();
  }

  void onStart(@Observes StartupEvent event) throws SQLException {
    if (adminKey.isEmpty() || adminKey.get().isBlank()) {
      Log.info("No kb.admin-key configured: only keys already in the database can write");
      return;
    }
    if (adminKey.get().strip().length() < MIN_CONFIGURED_KEY_LENGTH) {
      throw new IllegalStateException(
          "kb.admin-key must be at least " + MIN_CONFIGURED_KEY_LENGTH + " characters long");
    }
    keys.upsertAdmin(BOOTSTRAP_NAME, ApiKeys.hash(adminKey.get().strip()));
    Log.infof("Bootstrap admin key '%s' installed from configuration", BOOTSTRAP_NAME);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ApiKeyRepository.KeyRow> authenticate(String presentedKey) throws SQLException {
    if (presentedKey == null
        || presentedKey.isBlank()
        || presentedKey.length() > MAX_PRESENTED_KEY_LENGTH) {
      return Optional.empty();
    }
    return keys.findActiveByHash(ApiKeys.hash(presentedKey.strip()));
  }

  public CreatedKey create(String name, String role) throws SQLException {
    List<Problem.FieldError> errors = new ArrayList<>();
    if (name == null || name.isBlank()) {
      errors.add(new Problem.FieldError("name", "body", "is required"));
    } else if (name.length() > 64 || !NAME.matcher(name).matches()) {
      errors.add(
          new Problem.FieldError(
              "name", "body", "must be 1 to 64 lower-case letters, digits and . _ - separators"));
    }
    Role parsed = null;
    if (role == null || role.isBlank()) {
      errors.add(new Problem.FieldError("role", "body", "is required"));
    } else {
      try {
        parsed = Role.fromWire(role.strip());
      } catch (IllegalArgumentException e) {
        errors.add(new Problem.FieldError("role", "body", "must be curator or admin"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ApiException(
          ProblemType.VALIDATION_FAILED, "The API key request is invalid", errors);
    }
    if (keys.findByName(name).isPresent()) {
      throw new ApiException(
          ProblemType.CONFLICT,
          "An API key named '" + name + "' exists (names of revoked keys stay taken)",
          List.of(new Problem.FieldError("name", "body", "is already taken")));
    }
    String key = ApiKeys.generate();
    ApiKeyRepository.KeyRow row = keys.insert(name, parsed, ApiKeys.hash(key));
    Log.infof("API key '%s' created with role %s", name, parsed.wire());
    return new CreatedKey(row.name(), row.role(), key, row.createdAt());
  }

  public void revoke(String name) throws SQLException {
    if (name == null || name.length() > 64 || !NAME.matcher(name).matches()) {
      throw ApiException.badPathParameter("name", "is not an API key name");
    }
    if (!keys.revoke(name)) {
      throw ApiException.notFound("Active API key '" + name + "'");
    }
    Log.infof("API key '%s' revoked", name);
  }
}
