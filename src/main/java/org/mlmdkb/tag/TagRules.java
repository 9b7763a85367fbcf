package org.mlmdkb.tag;

import static org.mlmdkb.curation.BodyChecks.body;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.util.List;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.curation.BodyChecks;
import org.mlmdkb.curation.Checked;
import org.mlmdkb.curation.CuratedRules;

/**
 * Checks a tag's editable state with Bean Validation plus the slug format the schema enforces, and
 * returns it normalised (stripped, an empty parent as none), or every field at fault.
 */
@ApplicationScoped
public class TagRules implements CuratedRules<TagInput> {

  private final Validator validator;

  public TagRules(Validator validator) {
    this.validator = validator;
  }

  @Override
  public Checked<TagInput> check(TagInput in) {
    List<Problem.FieldError> errors = BodyChecks.violations(validator, in);
    String slug = BodyChecks.slug(in.slug(), errors);
    String parent = in.parent() == null || in.parent().isBlank() ? null : in.parent().strip();
    if (parent != null && parent.equals(slug)) {
      errors.add(body("parent", "cannot be the tag itself"));
    }
    TagInput normalised =
        new TagInput(slug, in.label() == null ? null : in.label().strip(), parent);
    return new Checked<>(normalised, errors);
  }
}
