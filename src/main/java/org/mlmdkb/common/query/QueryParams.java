package org.mlmdkb.common.query;

import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.common.error.ProblemType;

/**
 * Parses query parameters by hand: JAX-RS would answer a malformed number with a 404, and a
 * misspelt parameter name would be silently ignored; both get a 400 naming the parameter here.
 */
public final class QueryParams {

  /** Longest text accepted in a free-text or name parameter. */
  public static final int MAX_TEXT_LENGTH = 500;

  private static final Pattern ASCII_INTEGER = Pattern.compile("-?[0-9]{1,10}");

  private QueryParams() {}

  public static void allowOnly(UriInfo uri, Set<String> allowed) {
    Set<String> unknown = new TreeSet<>(uri.getQueryParameters().keySet());
    unknown.removeAll(allowed);
    if (!unknown.isEmpty()) {
      List<Problem.FieldError> errors =
          unknown.stream()
              .map(
                  name ->
                      new Problem.FieldError(
                          name, "query", "is not a parameter of this endpoint; known: " + allowed))
              .toList();
      throw new ApiException(
          ProblemType.UNKNOWN_PARAMETER,
          "Unknown query parameter(s) "
              + unknown
              + "; this endpoint accepts "
              + new TreeSet<>(allowed),
          errors);
    }
  }

  /**
   * ASCII digits with an optional minus sign and nothing else: Java's parser would also take
   * fullwidth or Arabic-Indic digits and a '+', which the contract's integer does not allow.
   */
  public static Integer integer(String name, String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (!ASCII_INTEGER.matcher(value).matches()) {
      throw ApiException.badParameter(name, "must be an integer, was '" + shorten(value) + "'");
    }
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      throw ApiException.badParameter(name, "is out of range, was '" + shorten(value) + "'");
    }
  }

  /** A trimmed text parameter, null when absent or blank, 400 when absurdly long. */
  public static String text(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > MAX_TEXT_LENGTH) {
      throw ApiException.badParameter(
          name, "is longer than " + MAX_TEXT_LENGTH + " characters (" + value.length() + ")");
    }
    // NUL and lone surrogates cannot be stored or matched; drop them rather than fail later.
    StringBuilder cleaned = new StringBuilder(value.length());
    value
        .codePoints()
        .filter(cp -> cp != 0 && (cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE))
        .forEach(cleaned::appendCodePoint);
    String result = cleaned.toString().strip();
    return result.isEmpty() ? null : result;
  }

  /** {@code true} or {@code false} exactly, as the contract's boolean is serialised. */
  public static Boolean bool(String name, String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw ApiException.badParameter(
              name, "must be true or false, was '" + shorten(value) + "'");
    };
  }

  /** A value from a closed set, exactly as the contract's enum spells it (case-sensitive). */
  public static String oneOf(String name, String value, List<String> allowed) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    String v = value;
    if (!allowed.contains(v)) {
      throw ApiException.badParameter(
          name, "must be one of " + allowed + ", was '" + shorten(value) + "'");
    }
    return v;
  }

  public static List<String> list(String name, String value) {
    String text = text(name, value);
    return text == null
        ? List.of()
        : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** The parameters of several groups, for {@link #allowOnly}. */
  @SafeVarargs
  public static Set<String> union(Set<String>... groups) {
    Set<String> all = new java.util.HashSet<>();
    for (Set<String> group : groups) {
      all.addAll(group);
    }
    return Set.copyOf(all);
  }

  /** A group of parameters without some. */
  public static Set<String> without(Set<String> group, String... names) {
    Set<String> rest = new java.util.HashSet<>(group);
    rest.removeAll(java.util.List.of(names));
    return Set.copyOf(rest);
  }

  public static String shorten(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "…";
  }
}
