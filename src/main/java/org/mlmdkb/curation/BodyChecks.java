package org.mlmdkb.curation;

import jakarta.validation.Validator;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.common.query.Slugs;

/**
 * The checks every collection's rules make on a request body the same way: Bean Validation's
 * verdict under the fields' wire names, absolute http(s) URLs, DOIs and arXiv ids.
 */
public final class BodyChecks {

  private BodyChecks() {}

  /** A fault of the body's field {@code name}. */
  public static Problem.FieldError body(String name, String message) {
    return new Problem.FieldError(name, "body", message);
  }

  /** Bean Validation's faults, ordered by field, named as on the wire. */
  public static List<Problem.FieldError> violations(Validator validator, Object input) {
    return violations(validator, input, UnaryOperator.identity());
  }

  /**
   * The same, for a record whose Java names differ from the wire's by more than case; {@code
   * rename} sees the Java path ("abstractText") before it is put in snake case.
   */
  public static List<Problem.FieldError> violations(
      Validator validator, Object input, UnaryOperator<String> rename) {
    List<Problem.FieldError> errors = new ArrayList<>();
    validator.validate(input).stream()
        .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
        .forEach(
            v ->
                errors.add(body(wireName(v.getPropertyPath().toString(), rename), v.getMessage())));
    return errors;
  }

  /** "aliases[0].<list element>" → "aliases[0]", "paper.arxivId" → "paper.arxiv_id". */
  private static String wireName(String propertyPath, UnaryOperator<String> rename) {
    String path = rename.apply(propertyPath.replace(".<list element>", ""));
    return path.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  /** The slug stripped; a fault when it is given (not empty) but not a slug. */
  public static String slug(String value, List<Problem.FieldError> errors) {
    String slug = value == null ? null : value.strip();
    if (slug != null && !slug.isEmpty() && !Slugs.isValid(slug)) {
      errors.add(body("slug", "must be lower-case letters and digits joined by '-' or '.'"));
    }
    return slug;
  }

  /** Adds a fault unless a non-blank {@code value} is an absolute http(s) URL. */
  public static void httpUrl(String name, String value, List<Problem.FieldError> errors) {
    String url = blankToNull(value);
    if (url == null) {
      return;
    }
    try {
      URI uri = new URI(url);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        errors.add(body(name, "must be an absolute http(s) URL"));
      }
    } catch (URISyntaxException e) {
      errors.add(body(name, "must be an absolute http(s) URL"));
    }
  }

  /**
   * The DOI normalised (see {@link Identifiers#doi}); null when blank or, with a fault, malformed.
   */
  public static String doi(String name, String value, List<Problem.FieldError> errors) {
    return identifier(
        name, value, Identifiers::doi, "is not a DOI (10.<registrant>/<suffix>)", errors);
  }

  /** The arXiv id normalised; null when blank or, with a fault, malformed. */
  public static String arxivId(String name, String value, List<Problem.FieldError> errors) {
    return identifier(
        name,
        value,
        Identifiers::arxiv,
        "is not an arXiv id (2101.03164 or cond-mat/0601001)",
        errors);
  }

  private static String identifier(
      String name,
      String value,
      UnaryOperator<String> normalise,
      String fault,
      List<Problem.FieldError> errors) {
    String text = blankToNull(value);
    if (text == null) {
      return null;
    }
    String normalised = normalise.apply(text);
    if (normalised == null) {
      errors.add(body(name, fault));
    }
    return normalised;
  }

  /** The text stripped; null when absent or blank. */
  public static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** Each entry stripped, in order; a null entry stays for Bean Validation to have named. */
  public static List<String> stripped(List<String> values) {
    return values.stream().map(v -> v == null ? null : v.strip()).toList();
  }

  /** {@link #stripped} with each repeat after the first dropped (aliases, tags: a set in order). */
  public static List<String> distinctStripped(List<String> values) {
    return new ArrayList<>(new LinkedHashSet<>(stripped(values)));
  }
}
