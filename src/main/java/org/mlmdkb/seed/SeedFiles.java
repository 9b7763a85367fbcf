package org.mlmdkb.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** Reads the shipped corpus from the classpath ({@code seed/}); see SEED-FORMAT.md. */
final class SeedFiles {

  static final List<String> JSON_FILES =
      List.of(
          "sources.json",
          "tags.json",
          "papers.json",
          "datasets.json",
          "benchmark-datasets.json",
          "methods.json",
          "results.json",
          "articles/index.txt");

  private final ObjectMapper json = new ObjectMapper();

  JsonNode json(String name) {
    byte[] bytes = bytes(name);
    try {
      return bytes == null ? json.createObjectNode() : json.readTree(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("seed/" + name + " is not valid JSON", e);
    }
  }

  List<String> articleFiles() {
    byte[] index = bytes("articles/index.txt");
    if (index == null) {
      return List.of();
    }
    return new String(index, StandardCharsets.UTF_8)
        .lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .toList();
  }

  String text(String name) {
    byte[] bytes = bytes(name);
    if (bytes == null) {
      throw new IllegalStateException("seed/" + name + " is missing");
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** A digest of every seed file, so an unchanged corpus is not loaded again. */
  String checksum() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String name : JSON_FILES) {
        update(digest, name);
      }
      for (String article : articleFiles()) {
        update(digest, "articles/" + article);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void update(MessageDigest digest, String name) {
    byte[] bytes = bytes(name);
    digest.update(name.getBytes(StandardCharsets.UTF_8));
    if (bytes != null) {
      digest.update(bytes);
    }
  }

  private static byte[] bytes(String name) {
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream("seed/" + name)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
