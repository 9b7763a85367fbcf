package org.mlmdkb.article;

import static org.mlmdkb.curation.BodyChecks.body;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.curation.BodyChecks;
import org.mlmdkb.curation.Checked;
import org.mlmdkb.curation.CuratedRules;

/**
 * Checks an article's editable state with Bean Validation plus the formats the schema enforces
 * (slug, status) and returns it normalised, or every field at fault. Linked slugs and ids are
 * de-duplicated and sorted, the order in which they are read back, so an unchanged article compares
 * equal and records no history.
 */
@ApplicationScoped
public class ArticleRules implements CuratedRules<ArticleInput> {

  static final Set<String> STATUSES = Set.of("draft", "published");

  private final Validator validator;

  public ArticleRules(Validator validator) {
    this.validator = validator;
  }

  @Override
  public Checked<ArticleInput> check(ArticleInput in) {
    List<Problem.FieldError> errors = BodyChecks.violations(validator, in);
    String slug = BodyChecks.slug(in.slug(), errors);
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
    return new Checked<>(normalised, errors);
  }

  private static List<String> sortedUnique(List<String> values) {
    return values.stream().filter(Objects::nonNull).map(String::strip).distinct().sorted().toList();
  }

  private static String strip(String value) {
    return value == null ? null : value.strip();
  }
}
