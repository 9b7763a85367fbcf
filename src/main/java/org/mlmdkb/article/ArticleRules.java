package org.mlmdkb.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.common.query.Slugs;

/**
 * Checks an article's editable state with Bean Validation plus the formats the schema enforces
 * (slug, status) and returns it normalised, or every field at fault. Linked slugs and ids are
 * de-duplicated and sorted, the order in which they are read back, so an unchanged article compares
 * equal and records no history.
 */
@ApplicationScoped
public class ArticleRules {

  static final Set<String> STATUSES = Set.of("draft", "published");

  private final Validator validator;

  public ArticleRules(Validator validator) {
    this.validator = validator;
  }

  public record Checked(ArticleInput article, List<Problem.FieldError> errors) {}

  public Checked check(ArticleInput in) {
    List<Problem.FieldError> errors = new ArrayList<>();
    validator.validate(in).stream()
        .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
        .forEach(v -> errors.add(body(wireName(v.getPropertyPath().toString()), v.getMessage())));
    String slug = strip(in.slug());
    if (slug != null && !slug.isEmpty() && !Slugs.isValid(slug)) {
      errors.add(body("slug", "must be lower-case letters and digits joined by '-' or '.'"));
    }
    String status = strip(in.status());
    if (status != null && !status.isEmpty() && !STATUSES.contains(status)) {
      errors.add(body("status", "must be one of [draft, published]"));
    }
    ArticleInput normalised =
        new ArticleInput(
            slug,
            strip(in.title()),
            strip(in.summary()),
            in.bodyMarkdown(),
            in.authors().stream().map(ArticleRules::strip).toList(),
            status,
            sortedUnique(in.tags()),
            in.papers().stream().filter(Objects::nonNull).distinct().sorted().toList(),
            sortedUnique(in.methods()),
            sortedUnique(in.datasets()));
    return new Checked(normalised, errors);
  }

  static Problem.FieldError body(String name, String message) {
    return new Problem.FieldError(name, "body", message);
  }

  private static List<String> sortedUnique(List<String> values) {
    return values.stream().filter(Objects::nonNull).map(String::strip).distinct().sorted().toList();
  }

  /** "tags[0].<list element>" → "tags[0]", "bodyMarkdown" → "body_markdown". */
  private static String wireName(String propertyPath) {
    String path = propertyPath.replace(".<list element>", "");
    return path.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  private static String strip(String value) {
    return value == null ? null : value.strip();
  }
}
