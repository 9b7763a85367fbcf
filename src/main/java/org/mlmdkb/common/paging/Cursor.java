package org.mlmdkb.common.paging;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.mlmdkb.common.error.ApiException;

/**
 * An opaque keyset cursor: the sort key of the last item seen plus a tag naming the sort, so a
 * cursor from one sort order is refused under another instead of silently skipping items.
 */
public final class Cursor {

  private static final String SEPARATOR = "\u001f";

  private Cursor() {}

  public static String encode(String sortTag, String... keys) {
    String joined = sortTag + SEPARATOR + String.join(SEPARATOR, keys);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(joined.getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes a cursor made for {@code sortTag} into its {@code arity} keys, or answers 400. */
  public static List<String> decode(String cursor, String sortTag, int arity) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      List<String> parts = Arrays.asList(text.split(SEPARATOR, -1));
      if (parts.size() != arity + 1 || !parts.get(0).equals(sortTag)) {
        throw invalid();
      }
      return parts.subList(1, parts.size());
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
  }

  /** The 400 for a cursor this list did not issue (also when one of its keys does not parse). */
  public static ApiException invalid() {
    return ApiException.badParameter(
        "cursor", "is not a cursor this list issued for this sort order; start without it");
  }
}
