package org.mlmdkb.common.query;

import java.util.Locale;
import java.util.regex.Pattern;
import org.mlmdkb.common.error.ApiException;

/** Slugs in paths: lower-case words joined by '-' or '.', so a malformed one is a 400. */
public final class Slugs {

  private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+([.-][a-z0-9]+)*$");

  private Slugs() {}

  /** Whether {@code value} is already a well-formed slug (the rule every collection enforces). */
  public static boolean isValid(String value) {
    return SLUG.matcher(value).matches();
  }

  /** Returns the slug lower-cased (MACE-MP-0 finds mace-mp-0), or answers 400. */
  public static String check(String name, String value) {
    String slug = value.strip().toLowerCase(Locale.ROOT);
    if (slug.length() > 200 || !SLUG.matcher(slug).matches()) {
      throw ApiException.badPathParameter(
          name,
          "must be a slug (lower-case letters and digits joined by '-' or '.'), was '"
              + QueryParams.shorten(value)
              + "'");
    }
    return slug;
  }
}
