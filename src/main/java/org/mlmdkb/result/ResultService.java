package org.mlmdkb.result;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.common.paging.Cursor;
import org.mlmdkb.common.paging.Page;
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
          404,
          "not-found",
          "Not Found",
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
    Long after =
        filter.cursor() == null
            ? null
            : parseId(Cursor.decode(filter.cursor(), SORT_TAG, 1).get(0));
    ResultRepository.Slice slice = results.list(filter, after);
    List<ResultDto> rows = slice.rows();
    String next = null;
    if (rows.size() > filter.limit()) {
      rows = rows.subList(0, filter.limit());
      next = Cursor.encode(SORT_TAG, Long.toString(rows.get(rows.size() - 1).id()));
    }
    List<ResultItem> items = rows.stream().map(r -> item(r, unit)).toList();
    return new Page<>(items, next, slice.total());
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
