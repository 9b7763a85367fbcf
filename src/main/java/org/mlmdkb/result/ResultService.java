package org.mlmdkb.result;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.common.error.ProblemType;
import org.mlmdkb.common.paging.Cursor;
import org.mlmdkb.common.paging.Page;
import org.mlmdkb.common.web.ListLinks;
import org.mlmdkb.metric.IncompatibleUnitsException;
import org.mlmdkb.metric.Unit;

/** The result list: filters, keyset paging by id and optional unit conversion. */
@ApplicationScoped
public class ResultService {

  private static final String SORT_TAG = "id";

  private final ResultRepository results;

  public ResultService(ResultRepository results) {
    this.results = results;
  }

  public Page<ResultItem> list(ResultFilter filter, Unit unit) throws SQLException {
    if (filter.dataset() != null && !results.datasetExists(filter.dataset())) {
      throw new ApiException(
          ProblemType.NOT_FOUND,
          "Dataset '" + filter.dataset() + "' does not exist",
          List.of(new Problem.FieldError("dataset", "query", "names no known dataset")));
    }
    if (unit != null) {
      // Refuse before paging: whether a page converts must not depend on where it starts.
      for (String code : results.unitsOf(filter)) {
        Unit reported = Unit.parse(code).orElseThrow();
        if (reported.dimension() != unit.dimension()) {
          throw new IncompatibleUnitsException(reported, unit);
        }
      }
    }
    Page<ResultDto> page = page(filter);
    List<ResultItem> items = page.items().stream().map(r -> item(r, unit)).toList();
    return new Page<>(items, page.nextCursor(), page.total());
  }

  /**
   * The first {@code limit} results of a method, in the order and with the cursor of {@code
   * /results?method=}, so that a method page can embed them and link to the rest. {@code total} is
   * the method's number of live results, which the page read in the same snapshot.
   */
  public Page<ResultDto> firstPageOfMethod(String methodSlug, int limit, long total)
      throws SQLException {
    ResultFilter filter =
        new ResultFilter(null, null, methodSlug, null, null, null, null, null, limit, null);
    return trimmed(filter, results.rows(filter, null), total);
  }

  /** The same for a dataset, as {@code /results?dataset=} lists them. */
  public Page<ResultDto> firstPageOfDataset(String datasetSlug, int limit, long total)
      throws SQLException {
    ResultFilter filter =
        new ResultFilter(datasetSlug, null, null, null, null, null, null, null, limit, null);
    return trimmed(filter, results.rows(filter, null), total);
  }

  /** Where the list of {@code filter}'s results continues after a page ending at {@code next}. */
  public static String continuation(String parameter, String slug, String next) {
    return next == null
        ? null
        : ListLinks.filtered("results", parameter, slug) + "&cursor=" + ListLinks.encoded(next);
  }

  private Page<ResultDto> page(ResultFilter filter) throws SQLException {
    Long after =
        filter.cursor() == null
            ? null
            : parseId(Cursor.decode(filter.cursor(), SORT_TAG, 1).get(0));
    ResultRepository.Slice slice = results.list(filter, after);
    return trimmed(filter, slice.rows(), slice.total());
  }

  /** The page of {@code rows} (one more than the limit when more follow) with its cursor. */
  private static Page<ResultDto> trimmed(ResultFilter filter, List<ResultDto> rows, long total) {
    String next = null;
    if (rows.size() > filter.limit()) {
      rows = rows.subList(0, filter.limit());
      next = Cursor.encode(SORT_TAG, Long.toString(rows.get(rows.size() - 1).id()));
    }
    return new Page<>(rows, next, total);
  }

  public ResultDto get(long id) throws SQLException {
    return results.findById(id).orElseThrow(() -> ApiException.notFound("Result " + id));
  }

  private static ResultItem item(ResultDto r, Unit unit) {
    if (unit == null) {
      return new ResultItem(r, null, null, null);
    }
    Unit reported = Unit.parse(r.unit()).orElseThrow();
    return new ResultItem(
        r,
        reported.convertForDisplay(r.value(), unit),
        r.uncertainty() == null ? null : reported.convertForDisplay(r.uncertainty(), unit),
        unit.code());
  }

  private static Long parseId(String text) {
    try {
      return Long.valueOf(text);
    } catch (NumberFormatException e) {
      throw ApiException.badParameter(
          "cursor", "is not a cursor this list issued for this sort order; start without it");
    }
  }
}
