package org.mlmdkb.method;

import static org.mlmdkb.curation.BodyChecks.blankToNull;
import static org.mlmdkb.curation.BodyChecks.body;
import static org.mlmdkb.curation.BodyChecks.httpUrl;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.time.Year;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.common.query.Slugs;
import org.mlmdkb.curation.BodyChecks;
import org.mlmdkb.curation.Checked;
import org.mlmdkb.curation.CuratedRules;

/**
 * Checks a method's editable state with Bean Validation plus the rules the schema holds (slug form,
 * known family, positive parameter count) and plausible years and URLs, and returns it normalised
 * the way it is stored, or every field at fault. References to other items are checked by {@link
 * MethodCollection}, which has the database at hand.
 */
@ApplicationScoped
public class MethodRules implements CuratedRules<MethodInput> {

  /** The method table's slug CHECK. */

  // The Behler-Parrinello era starts in 2007; linear and kernel fits and descriptors go back to
  // the 1980s-90s, so allow anything from the first MD simulations on.
  private static final int MIN_YEAR = 1950;

  private final Validator validator;

  public MethodRules(Validator validator) {
    this.validator = validator;
  }

  @Override
  public Checked<MethodInput> check(MethodInput in) {
    List<Problem.FieldError> errors = BodyChecks.violations(validator, in);

    String slug = slug(in.slug());
    if (slug != null && !slug.isEmpty() && !Slugs.isValid(slug)) {
      errors.add(body("slug", "must be lower-case letters and digits joined by '-' or '.'"));
    }
    String family = in.family() == null ? null : in.family().strip().toLowerCase(Locale.ROOT);
    if (family != null && !family.isEmpty() && !MethodResource.FAMILIES.contains(family)) {
      errors.add(body("family", "must be one of " + MethodResource.FAMILIES));
    }
    int maxYear = Year.now().getValue() + 1;
    if (in.year() != null && (in.year() < MIN_YEAR || in.year() > maxYear)) {
      errors.add(body("year", "must be between " + MIN_YEAR + " and " + maxYear));
    }
    if (in.parameterCount() != null && in.parameterCount() <= 0) {
      errors.add(body("parameter_count", "must be greater than 0"));
    }
    httpUrl("code_url", in.codeUrl(), errors);
    List<String> parents = slugSet(in.parents(), "parents", errors);
    if (slug != null && parents.contains(slug)) {
      errors.add(body("parents", "cannot name the method itself"));
    }
    List<String> supersedes = slugSet(in.supersedes(), "supersedes", errors);
    if (slug != null && supersedes.contains(slug)) {
      errors.add(body("supersedes", "cannot name the method itself"));
    }
    // One link per pair of methods: it either derives from the other or supersedes it.
    for (String both : supersedes) {
      if (parents.contains(both)) {
        errors.add(
            body(
                "supersedes",
                "'" + both + "' is also in parents; a pair has one link, list it in one of them"));
      }
    }
    List<String> datasets = slugSet(in.trainingDatasets(), "training_datasets", errors);

    MethodInput normalised =
        new MethodInput(
            slug,
            in.name() == null ? null : in.name().strip(),
            BodyChecks.distinctStripped(in.aliases()),
            family,
            blankToNull(in.description()),
            in.year(),
            paper(in.paper(), errors),
            blankToNull(in.codeUrl()),
            blankToNull(in.licence()),
            in.parameterCount(),
            parents,
            supersedes,
            datasets);
    return new Checked<>(normalised, errors);
  }

  /** Identifiers stored as the schema's other tables store them; all-empty means no paper. */
  private static MethodInput.Paper paper(MethodInput.Paper in, List<Problem.FieldError> errors) {
    if (in == null) {
      return null;
    }
    String doi = BodyChecks.doi("paper.doi", in.doi(), errors);
    String arxiv = BodyChecks.arxivId("paper.arxiv_id", in.arxivId(), errors);
    httpUrl("paper.url", in.url(), errors);
    String url = blankToNull(in.url());
    if (in.id() == null && doi == null && arxiv == null && url == null) {
      return null;
    }
    // A malformed identifier is reported above; keep what was sent so nothing is silently lost.
    return new MethodInput.Paper(
        in.id(),
        doi == null ? blankToNull(in.doi()) : doi,
        arxiv == null ? blankToNull(in.arxivId()) : arxiv,
        url);
  }

  /** Slugs stripped, lower-cased, de-duplicated and sorted: the lists are sets. */
  private static List<String> slugSet(
      List<String> values, String field, List<Problem.FieldError> errors) {
    TreeSet<String> out = new TreeSet<>();
    for (String value : values) {
      String slug = slug(value);
      if (slug == null || slug.isEmpty()) {
        continue; // Bean Validation reports blanks.
      }
      if (!Slugs.isValid(slug)) {
        errors.add(body(field, "'" + value + "' is not a slug"));
      }
      out.add(slug);
    }
    return List.copyOf(out);
  }

  private static String slug(String value) {
    return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
  }
}
