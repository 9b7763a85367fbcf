package org.mlmdkb.common.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.mlmdkb.common.query.QueryParams;

/**
 * Picks the representation of a resource served in several formats (JSON, CSV, SVG): the {@code
 * format} query parameter wins over Accept, so a link or an {@code <img src>} can ask for one.
 */
public final class Representations {

  private static final Map<String, MediaType> TYPES =
      Map.of(
          "json", MediaType.APPLICATION_JSON_TYPE,
          "csv", MediaType.valueOf("text/csv"),
          "svg", MediaType.valueOf("image/svg+xml"));

  private Representations() {}

  /**
   * The format named by {@code format} (one of {@code allowed}, else 400), or the first specific
   * Accept type among them, or JSON: wildcards and unknown types fall back to JSON (the resource's
   * {@code @Produces} has already answered 406 when nothing listed is acceptable).
   */
  public static String choose(String format, HttpHeaders headers, List<String> allowed) {
    String named = QueryParams.oneOf("format", format, allowed);
    if (named != null) {
      return named;
    }
    for (MediaType type : headers.getAcceptableMediaTypes()) {
      if (type.isWildcardType()) {
        continue;
      }
      for (String candidate : List.of("svg", "csv", "json")) {
        if (allowed.contains(candidate) && type.isCompatible(TYPES.get(candidate))) {
          return candidate;
        }
      }
    }
    return "json";
  }
}
