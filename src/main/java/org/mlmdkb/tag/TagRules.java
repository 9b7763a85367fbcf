package org.mlmdkb.tag;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.common.query.Slugs;

/**
 * Checks a tag's editable state with Bean Validation plus the slug format the schema enforces, and
 * returns it normalised (stripped, an empty parent as none), or every field at fault.
 */
@ApplicationScoped
public class TagRules {

  private final Validator validator;

  public TagRules(Validator validator) {
    this.validator = validator;
  }

  public record Checked(TagInput tag, List<Problem.FieldError> errors) {}

  public Checked check(TagInput in) {
    List<Problem.FieldError> errors = new ArrayList<>();
    validator.validate(in).stream()
        .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
        .forEach(v -> errors.add(body(v.getPropertyPath().toString(), v.getMessage())));
    String slug = in.slug() == null ? null : in.slug().strip();
    if (slug != null && !slug.isEmpty() && !Slugs.isValid(slug)) {
      errors.add(body("slug", "must be lower-case letters and digits joined by '-' or '.'"));
    }
    String parent = in.parent() == null || in.parent().isBlank() ? null : in.parent().strip();
    if (parent != null && parent.equals(slug)) {
      errors.add(body("parent", "cannot be the tag itself"));
    }
    TagInput normalised =
        new TagInput(slug, in.label() == null ? null : in.label().strip(), parent);
    return new Checked(normalised, errors);
  }

  static Problem.FieldError body(String name, String message) {
    return new Problem.FieldError(name, "body", message);
  }
}
