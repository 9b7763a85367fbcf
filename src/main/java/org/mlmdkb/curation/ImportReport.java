package org.mlmdkb.curation;

import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.common.error.ProblemType;
import org.mlmdkb.common.query.QueryParams;

/**
 * The answer to an import of either kind: what happened to each entry (papers) or row (results).
 */
public record ImportReport(
    String kind,
    boolean dryRun,
    boolean partial,
    boolean committed,
    Summary summary,
    List<Item> items,
    List<Created> alsoCreated) {

  public static final String PAPERS = "papers";
  public static final String RESULTS = "results";

  /**
   * One entry or row. {@code parsed} is what was read, normalised: a {@link ImportService.Parsed}
   * paper summary or a result's editable state.
   */
  public record Item(
      int index,
      String key,
      String status,
      Long paperId,
      Long resultId,
      Long duplicateOf,
      Object parsed,
      List<String> reasons) {}

  public record Summary(int created, int updated, int skipped, int rejected) {}

  /**
   * Which items the answer lists ({@code items=}): every one (the default), only the skipped and
   * rejected ones, or none. The summary always counts them all; a client importing 100,000 rows
   * need not receive each row back (about 600 bytes a row).
   */
  public enum Listing {
    ALL,
    PROBLEMS,
    NONE;

    public static final String PARAMETER = "items";
    static final Set<String> PARAMETERS = Set.of(PARAMETER);

    /** The listing a request asks for; absent or empty is {@link #ALL}, anything unknown a 400. */
    public static Listing of(String value) {
      String v = QueryParams.oneOf(PARAMETER, value, List.of("all", "problems", "none"));
      return v == null ? ALL : valueOf(v.toUpperCase(Locale.ROOT));
    }

    boolean lists(Item item) {
      return switch (this) {
        case ALL -> true;
        case PROBLEMS -> item.status().equals("skipped") || item.status().equals("rejected");
        case NONE -> false;
      };
    }
  }

  /** This report listing only the items {@code listing} keeps. */
  public ImportReport listing(Listing listing) {
    if (listing == Listing.ALL) {
      return this;
    }
    return new ImportReport(
        kind,
        dryRun,
        partial,
        committed,
        summary,
        items.stream().filter(listing::lists).toList(),
        alsoCreated);
  }

  /**
   * An item of another collection the import created because its rows needed it and the request
   * said {@code create_missing} (a method, a dataset's subset), with its own change history.
   */
  public record Created(String collection, String ref, String status, List<String> reasons) {}

  /**
   * Ends an import inside its transaction: any rejected item without {@code partial} throws (a
   * RuntimeException, so everything written is rolled back); a dry run is rolled back too, after
   * doing the same work, so its report is the real one.
   */
  public static ImportReport conclude(
      String kind,
      String noun,
      String nouns,
      List<Item> items,
      boolean dryRun,
      boolean partial,
      TransactionManager transactions)
      throws SystemException {
    return conclude(kind, noun, nouns, items, List.of(), dryRun, partial, transactions);
  }

  /** As above, listing what else the import created for its rows. */
  public static ImportReport conclude(
      String kind,
      String noun,
      String nouns,
      List<Item> items,
      List<Created> alsoCreated,
      boolean dryRun,
      boolean partial,
      TransactionManager transactions)
      throws SystemException {
    Summary summary = summarise(items);
    if (summary.rejected() > 0 && !partial) {
      throw rejected(noun, nouns, items, summary);
    }
    if (dryRun) {
      transactions.setRollbackOnly();
    }
    return new ImportReport(kind, dryRun, partial, !dryRun, summary, items, alsoCreated);
  }

  private static Summary summarise(List<Item> items) {
    Map<String, Integer> counts = new HashMap<>();
    items.forEach(i -> counts.merge(i.status(), 1, Integer::sum));
    return new Summary(
        counts.getOrDefault("created", 0),
        counts.getOrDefault("updated", 0),
        counts.getOrDefault("skipped", 0),
        counts.getOrDefault("rejected", 0));
  }

  private static ApiException rejected(
      String noun, String nouns, List<Item> items, Summary summary) {
    List<Problem.FieldError> errors =
        items.stream()
            .filter(i -> i.status().equals("rejected"))
            .map(
                i ->
                    new Problem.FieldError(
                        noun + " " + i.index() + (i.key().isEmpty() ? "" : " (" + i.key() + ")"),
                        "body",
                        String.join("; ", i.reasons())))
            .toList();
    return new ApiException(
        ProblemType.IMPORT_REJECTED,
        summary.rejected()
            + " of "
            + items.size()
            + " "
            + nouns
            + " cannot be imported, so nothing was; fix them or send partial=true",
        errors);
  }
}
