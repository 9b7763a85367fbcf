package org.mlmdkb.paper;

import static org.mlmdkb.curation.BodyChecks.blankToNull;
import static org.mlmdkb.curation.BodyChecks.body;
import static org.mlmdkb.curation.BodyChecks.httpUrl;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.curation.BodyChecks;
import org.mlmdkb.curation.Checked;
import org.mlmdkb.curation.CuratedRules;

/**
 * Checks a paper's editable state with Bean Validation plus the domain rules (identifier formats,
 * known entry types, plausible years, a date that agrees with the year) and returns it normalised
 * the way the schema stores it, or every field at fault.
 */
@ApplicationScoped
public class PaperRules implements CuratedRules<PaperInput> {

  /** The entry types of the corpus (BibTeX's plus "preprint" and "online"). */
  static final Set<String> ENTRY_TYPES =
      Set.of(
          "article",
          "preprint",
          "inproceedings",
          "incollection",
          "phdthesis",
          "mastersthesis",
          "book",
          "misc",
          "online",
          "techreport");

  // Molecular dynamics starts in the 1950s; a little slack for historical references.
  private static final int MIN_YEAR = 1800;
  private static final Pattern DATE = Pattern.compile("^\\d{4}(-\\d{2}(-\\d{2})?)?$");

  private final Validator validator;

  public PaperRules(Validator validator) {
    this.validator = validator;
  }

  @Override
  public Checked<PaperInput> check(PaperInput in) {
    List<Problem.FieldError> errors =
        BodyChecks.violations(validator, in, path -> path.replace("abstractText", "abstract"));

    String entryType =
        in.entryType() == null ? null : in.entryType().strip().toLowerCase(Locale.ROOT);
    if (entryType != null && !entryType.isEmpty() && !ENTRY_TYPES.contains(entryType)) {
      errors.add(body("entry_type", "must be one of " + new java.util.TreeSet<>(ENTRY_TYPES)));
    }
    String doi = BodyChecks.doi("doi", in.doi(), errors);
    String arxiv = BodyChecks.arxivId("arxiv_id", in.arxivId(), errors);
    Integer year = in.year();
    // A year taken from the date is range-checked like a given one, and named as the date.
    String yearSource = "year";
    String date = blankToNull(in.date());
    if (date != null) {
      if (!isCalendarDate(date)) {
        errors.add(body("date", "must be a real date written YYYY, YYYY-MM or YYYY-MM-DD"));
      } else if (year == null) {
        year = Integer.valueOf(date.substring(0, 4));
        yearSource = "date";
      } else if (year != Integer.parseInt(date.substring(0, 4))) {
        errors.add(body("date", "disagrees with year " + year));
      }
    }
    int maxYear = Year.now().getValue() + 1;
    if (year != null && (year < MIN_YEAR || year > maxYear)) {
      errors.add(
          body(
              yearSource,
              ("date".equals(yearSource) ? "must have a year " : "must be ")
                  + "between "
                  + MIN_YEAR
                  + " and "
                  + maxYear));
    }
    httpUrl("url", in.url(), errors);
    httpUrl("code_url", in.codeUrl(), errors);

    PaperInput normalised =
        new PaperInput(
            entryType,
            in.title() == null ? null : in.title().strip(),
            blankToNull(in.abstractText()),
            year,
            date,
            blankToNull(in.venue()),
            blankToNull(in.volume()),
            blankToNull(in.number()),
            blankToNull(in.pages()),
            blankToNull(in.publisher()),
            doi,
            arxiv,
            blankToNull(in.url()),
            blankToNull(in.codeUrl()),
            BodyChecks.stripped(in.authors()),
            BodyChecks.distinctStripped(in.tags()));
    return new Checked<>(normalised, errors);
  }

  /** "2024-13-45" has the shape of a date but is none. */
  private static boolean isCalendarDate(String date) {
    if (!DATE.matcher(date).matches()) {
      return false;
    }
    try {
      switch (date.length()) {
        case 4 -> Year.parse(date);
        case 7 -> YearMonth.parse(date);
        default -> LocalDate.parse(date);
      }
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
