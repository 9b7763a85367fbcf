package org.mlmdkb.result;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.mlmdkb.common.svg.SvgCharts;
import org.mlmdkb.common.web.EntityTags;
import org.mlmdkb.common.web.Representations;

/** The representations of a board or Pareto view, chosen by {@code format=} or Accept. */
enum BoardFormat {
  JSON,
  CSV,
  SVG;

  static final String SVG_TYPE = SvgCharts.MEDIA_TYPE;

  /** {@code format} wins over Accept; among Accept types the first specific one we serve wins. */
  static BoardFormat of(String format, HttpHeaders headers, List<String> allowed) {
    return valueOf(
        Representations.choose(format, headers, allowed).toUpperCase(java.util.Locale.ROOT));
  }

  /**
   * An SVG answer with a strong ETag over its bytes, or 304 when If-None-Match already holds it.
   * Clients revalidate each time (no-cache): a curated result changes the image.
   */
  static Response svg(String document, Request request) {
    return EntityTags.conditionalGet(
            document.getBytes(StandardCharsets.UTF_8), SVG_TYPE + ";charset=UTF-8", request)
        .header("Cache-Control", "no-cache")
        .build();
  }
}
