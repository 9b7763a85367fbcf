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
 * @param newMethod how to create the row's method when it is missing, if the body says more than
 *     its slug
 */
record ResultRow(
    int index,
    String key,
    ResultInput input,
    List<Problem.FieldError> unreadable,
    String notImported,
    NewMethod newMethod) {

  static ResultRow read(int index, String key, ResultInput input, List<Problem.FieldError> errors) {
    return new ResultRow(index, key, input, List.copyOf(errors), null, null);
  }

  static ResultRow notAMeasurement(int index, String key, String reason) {
    return new ResultRow(index, key, null, List.of(), reason, null);
  }

  /** The same row, saying how to create its method should the corpus lack it. */
  ResultRow describing(NewMethod method) {
    return new ResultRow(index, key, input, unreadable, notImported, method);
  }
}
