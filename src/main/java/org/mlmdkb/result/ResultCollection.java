package org.mlmdkb.result;

import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.Optional;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.ProblemType;
import org.mlmdkb.curation.Checked;
import org.mlmdkb.curation.CuratedCollection;
import org.mlmdkb.curation.CuratedRows;
import org.mlmdkb.metric.Unit;

/**
 * Benchmark results as a curated collection: addressed by numeric id; each write also stores the
 * value converted to its dimension's canonical unit, which leaderboards rank by.
 */
@Singleton
public class ResultCollection extends CuratedCollection<ResultInput> {

  private final ResultWriteRepository writes;
  private final ResultService results;
  private final ResultRules rules;

  public ResultCollection(ResultWriteRepository writes, ResultService results, ResultRules rules) {
    super(
        "results",
        "Result",
        ResultInput.class,
        input -> {
          ResultRules.Checked checked = rules.check(input);
          return new Checked<>(checked.result(), checked.errors());
        },
        CuratedRows.of(
            writes::lockLive,
            writes::editableState,
            input -> insert(writes, input),
            (id, input) -> update(writes, id, input),
            id -> {
              writes.softDelete(id);
              return true; // the workflow has locked it live
            },
            writes::restore));
    this.writes = writes;
    this.results = results;
    this.rules = rules;
  }

  @Override
  public Optional<Long> find(String ref, boolean includeDeleted) throws SQLException {
    return findNumeric(
        ref, "result", includeDeleted ? writes::existsIncludingDeleted : writes::existsLive);
  }

  /** A result's ref is its id: locking its live row is the existence check, in one statement. */
  @Override
  public Optional<Long> lockLive(String ref) throws SQLException {
    return findNumeric(ref, "result", this::lockLive);
  }

  /** {@code input} has passed {@link #validate}, so its unit is a known code. */
  private static long insert(ResultWriteRepository writes, ResultInput input) throws SQLException {
    Unit unit = unitOf(input);
    return writes.insert(input, unit.toCanonical(input.value()), unit.dimension().canonicalCode());
  }

  private static void update(ResultWriteRepository writes, long id, ResultInput input)
      throws SQLException {
    Unit unit = unitOf(input);
    writes.update(id, input, unit.toCanonical(input.value()), unit.dimension().canonicalCode());
  }

  private static Unit unitOf(ResultInput validated) {
    return Unit.parse(validated.unit()).orElseThrow();
  }

  /** A result may only come back while its method, dataset and paper are still there to show. */
  @Override
  public boolean restore(long id) throws SQLException {
    if (!super.restore(id)) {
      return false;
    }
    ResultRules.Checked checked = rules.check(writes.editableState(id).orElseThrow());
    if (!checked.errors().isEmpty()) {
      throw new ApiException(
          ProblemType.RESTORE_CONFLICT,
          "Result " + id + " refers to items that are gone; restore or fix those first",
          checked.errors());
    }
    return true;
  }

  @Override
  public Object representation(long id) throws SQLException {
    return results.get(id);
  }

  @Override
  public String location(long id) {
    return "/api/v1/results/" + id;
  }
}
