package org.mlmdkb.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The shipped results.json, read the way the seeder reads it, as the expected values of tests. */
final class SeedResults {

  private static List<JsonNode> all;

  private SeedResults() {}

  static synchronized List<JsonNode> where(Predicate<JsonNode> filter) {
    if (all == null) {
      try (InputStream in = SeedResults.class.getResourceAsStream("/seed/results.json")) {
        all = new ArrayList<>();
        new ObjectMapper().readTree(in).get("results").forEach(all::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return all.stream().filter(filter).toList();
  }

  static String text(JsonNode r, String field) {
    JsonNode v = r.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
