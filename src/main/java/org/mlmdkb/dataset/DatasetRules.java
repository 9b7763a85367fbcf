package org.mlmdkb.dataset;

import static org.mlmdkb.curation.BodyChecks.blankToNull;
import static org.mlmdkb.curation.BodyChecks.body;
import static org.mlmdkb.curation.BodyChecks.httpUrl;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.common.query.Slugs;
import org.mlmdkb.curation.BodyChecks;
import org.mlmdkb.curation.Checked;
import org.mlmdkb.curation.CuratedRules;

/**
 * Checks a dataset's editable state with Bean Validation plus the rules of the schema (slug form,
 * known domain, http(s) URL, DOI and arXiv id forms, subset slugs unique within the dataset) and
 * returns it normalised the way it is stored, or every field at fault. Rules that need the database
 * (live paper, subsets in use, slug taken) are the collection's.
 */
@ApplicationScoped
public class DatasetRules implements CuratedRules<DatasetInput> {

  /** Paths beside {@code /api/v1/leaderboards/{dataset}}: a dataset of that slug is unreachable. */
  private static final java.util.Set<String> RESERVED_SLUGS = java.util.Set.of("pareto");

  /** The table's CHECK on dataset.slug and dataset_subset.slug. */
  private static final String SLUG_RULE =
      "must be lower-case letters and digits joined by '-' or '.'";

  /**
   * The read side's subset order (temperature, then slug), so that a body listing the same subsets
   * in another order is no change. Slugs are ASCII, where Java's order is PostgreSQL's "C" order.
   */
  static final Comparator<DatasetSubsetInput> SUBSET_ORDER =
      Comparator.comparing(
              DatasetSubsetInput::temperatureK, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(DatasetSubsetInput::slug, Comparator.nullsLast(Comparator.naturalOrder()));

  private final Validator validator;

  public DatasetRules(Validator validator) {
    this.validator = validator;
  }

  @Override
  public Checked<DatasetInput> check(DatasetInput in) {
    List<Problem.FieldError> errors = BodyChecks.violations(validator, in);

    String slug = slug("slug", in.slug(), errors);
    if (RESERVED_SLUGS.contains(slug)) {
      // GET /api/v1/leaderboards/{dataset} shares its level with these views.
      errors.add(body("slug", "'" + slug + "' is reserved (a leaderboard view's path)"));
    }
    String domain = in.domain() == null ? null : in.domain().strip().toLowerCase(Locale.ROOT);
    if (domain != null && !domain.isEmpty() && !DatasetResource.DOMAINS.contains(domain)) {
      errors.add(body("domain", "must be one of " + DatasetResource.DOMAINS));
    }
    httpUrl("url", in.url(), errors);
    DatasetPaperInput paper = paper(in.paper(), errors);
    List<DatasetSubsetInput> subsets = subsets(in.subsets(), errors);

    DatasetInput normalised =
        new DatasetInput(
            slug,
            in.name() == null ? null : in.name().strip(),
            BodyChecks.distinctStripped(in.aliases()),
            blankToNull(in.description()),
            domain,
            blankToNull(in.levelOfTheory()),
            in.nStructures(),
            in.nMaterials(),
            blankToNull(in.sizeNote()),
            blankToNull(in.licence()),
            blankToNull(in.url()),
            paper,
            subsets);
    return new Checked<>(normalised, errors);
  }

  /** A paper with neither id, DOI nor arXiv id is no paper. */
  private static DatasetPaperInput paper(DatasetPaperInput in, List<Problem.FieldError> errors) {
    if (in == null) {
      return null;
    }
    // A malformed identifier is reported; keep what was sent so nothing is silently lost.
    String doi = BodyChecks.doi("paper.doi", in.doi(), errors);
    doi = doi == null ? blankToNull(in.doi()) : doi;
    String arxiv = BodyChecks.arxivId("paper.arxiv_id", in.arxivId(), errors);
    arxiv = arxiv == null ? blankToNull(in.arxivId()) : arxiv;
    if (in.id() == null && doi == null && arxiv == null) {
      return null;
    }
    return new DatasetPaperInput(in.id(), doi, arxiv);
  }

  private static List<DatasetSubsetInput> subsets(
      List<DatasetSubsetInput> in, List<Problem.FieldError> errors) {
    List<DatasetSubsetInput> out = new ArrayList<>();
    Map<String, Integer> firstIndex = new HashMap<>();
    for (int i = 0; i < in.size(); i++) {
      DatasetSubsetInput s = in.get(i);
      if (s == null) {
        continue; // reported by Bean Validation
      }
      String field = "subsets[" + i + "].slug";
      String slug = slug(field, s.slug(), errors);
      if (slug != null && !slug.isEmpty()) {
        Integer first = firstIndex.putIfAbsent(slug, i);
        if (first != null) {
          errors.add(body(field, "repeats the slug of subsets[" + first + "]"));
        }
      }
      out.add(
          new DatasetSubsetInput(
              slug,
              s.name() == null ? null : s.name().strip(),
              blankToNull(s.description()),
              blankToNull(s.levelOfTheory()),
              plain(s.temperatureK()),
              s.nStructures()));
    }
    out.sort(SUBSET_ORDER);
    return out;
  }

  private static String slug(String field, String value, List<Problem.FieldError> errors) {
    if (value == null || value.isBlank()) {
      return value; // reported by Bean Validation
    }
    String slug = value.strip().toLowerCase(Locale.ROOT);
    if (!Slugs.isValid(slug)) {
      errors.add(body(field, SLUG_RULE));
    }
    return slug;
  }

  /** 300.0 and 3E+2 are the same temperature; one form keeps equal states equal. */
  static BigDecimal plain(BigDecimal value) {
    if (value == null) {
      return null;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
