package org.mlmdkb.result;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.mlmdkb.common.query.QueryParams;

/** The representations of a board or Pareto view, chosen by {@code format=} or Accept. */
enum BoardFormat {
  JSON,
  CSV,
  SVG;

  static final String SVG_TYPE = "image/svg+xml";

  /** {@code format} wins over Accept; among Accept types the first specific one we serve wins. */
  static BoardFormat of(String format, HttpHeaders headers, List<String> allowed) {
    String f = QueryParams.oneOf("format", format, allowed);
    if (f != null) {
      return valueOf(f.toUpperCase(java.util.Locale.ROOT));
    }
    for (MediaType type : headers.getAcceptableMediaTypes()) {
      if (type.isWildcardType()) {
        continue;
      }
      if (allowed.contains("svg") && type.isCompatible(MediaType.valueOf(SVG_TYPE))) {
        return SVG;
      }
      if (allowed.contains("csv") && type.isCompatible(MediaType.valueOf("text/csv"))) {
        return CSV;
      }
      if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
        return JSON;
      }
    }
    return JSON;
  }

  /**
   * An SVG answer with a strong ETag over its bytes, or 304 when If-None-Match already holds it.
   * Clients revalidate each time (no-cache): a curated result changes the image.
   */
  static Response svg(String document, Request request) {
    byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
    EntityTag tag = new EntityTag(sha256(bytes));
    Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
    Response.ResponseBuilder answer =
        notModified != null ? notModified : Response.ok(bytes, SVG_TYPE + ";charset=UTF-8");
    return answer.tag(tag).header("Cache-Control", "no-cache").build();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
