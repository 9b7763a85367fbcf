package org.mlmdkb.common.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Links to a list endpoint narrowed to one item, as an item's page embeds them
 * ("/api/v1/papers?method=mace"): the value is URL-encoded, the path and parameter are ours.
 */
public final class ListLinks {

  private ListLinks() {}

  /** {@code /api/v1/{list}?{parameter}={value}}. */
  public static String filtered(String list, String parameter, String value) {
    return "/api/v1/" + list + "?" + parameter + "=" + encoded(value);
  }

  /** A value as it stands in a query string. */
  public static String encoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
