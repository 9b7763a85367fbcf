package org.mlmdkb.result.imports;

import java.util.List;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.result.ResultInput;

/**
 * One result read from an import body: the result, the fields that could not be read (a value that
 * is not a number, say), or why the source holds no importable measurement at this place.
 *
 * @param index 1-based position among the rows of the body
 * @param key where the row sits in a model YAML (e.g. {@code metrics.discovery.full_test_set.F1}),
 *     empty for CSV and JSON
 */
record ResultRow(
    int index,
    String key,
    ResultInput input,
    List<Problem.FieldError> unreadable,
    String notImported) {

  static ResultRow read(int index, String key, ResultInput input, List<Problem.FieldError> errors) {
    return new ResultRow(index, key, input, List.copyOf(errors), null);
  }

  static ResultRow notAMeasurement(int index, String key, String reason) {
    return new ResultRow(index, key, null, List.of(), reason);
  }
}
