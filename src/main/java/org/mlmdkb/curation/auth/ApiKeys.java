package org.mlmdkb.curation.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Generates API keys and derives the hash under which they are stored and looked up. */
public final class ApiKeys {

  private static final SecureRandom RANDOM = new SecureRandom();
  // The prefix makes a leaked key recognisable to secret scanners.
  private static final String PREFIX = "mlmdkb_";

  private ApiKeys() {}

  /** 256 random bits: too many to guess, so a plain SHA-256 hash protects them at rest. */
  public static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static String hash(String key) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
