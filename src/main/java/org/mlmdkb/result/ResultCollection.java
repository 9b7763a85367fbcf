package org.mlmdkb.result;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.Optional;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.ProblemType;
import org.mlmdkb.curation.CuratedCollection;
import org.mlmdkb.metric.Unit;

/**
 * Benchmark results as a curated collection: addressed by numeric id; each write also stores the
 * value converted to its dimension's canonical unit, which leaderboards rank by.
 */
@ApplicationScoped
public class ResultCollection implements CuratedCollection<ResultInput> {

  private final ResultWriteRepository writes;
  private final ResultService results;
  private final ResultRules rules;

  public ResultCollection(ResultWriteRepository writes, ResultService results, ResultRules rules) {
    this.writes = writes;
    this.results = results;
    this.rules = rules;
  }

  @Override
  public String name() {
    return "results";
  }

  @Override
  public String noun() {
    return "Result";
  }

  @Override
  public Class<ResultInput> inputType() {
    return ResultInput.class;
  }

  @Override
  public Optional<Long> find(String ref, boolean includeDeleted) throws SQLException {
    if (ref == null || !ref.matches("\\d{1,18}")) {
      throw ApiException.badPathParameter("id", "must be a numeric result id");
    }
    long id = Long.parseLong(ref);
    boolean found = includeDeleted ? writes.existsIncludingDeleted(id) : writes.existsLive(id);
    return found ? Optional.of(id) : Optional.empty();
  }

  @Override
  public boolean lockLive(long id) throws SQLException {
    return writes.lockLive(id);
  }

  @Override
  public Optional<ResultInput> editableState(long id) throws SQLException {
    return writes.editableState(id);
  }

  @Override
  public ResultInput validate(ResultInput input, Long id) throws SQLException {
    return checked(input).result();
  }

  /** {@code input} has passed {@link #validate}, so its unit is a known code. */
  @Override
  public long insert(ResultInput input) throws SQLException {
    Unit unit = unitOf(input);
    return writes.insert(input, unit.toCanonical(input.value()), unit.dimension().canonicalCode());
  }

  @Override
  public void update(long id, ResultInput input) throws SQLException {
    Unit unit = unitOf(input);
    writes.update(id, input, unit.toCanonical(input.value()), unit.dimension().canonicalCode());
  }

  private static Unit unitOf(ResultInput validated) {
    return Unit.parse(validated.unit()).orElseThrow();
  }

  @Override
  public void softDelete(long id) throws SQLException {
    writes.softDelete(id);
  }

  /** A result may only come back while its method, dataset and paper are still there to show. */
  @Override
  public boolean restore(long id) throws SQLException {
    if (!writes.restore(id)) {
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

  /** The rules' verdict; 422 listing every field at fault. */
  private ResultRules.Checked checked(ResultInput input) throws SQLException {
    ResultRules.Checked checked = rules.check(input);
    ApiException.unlessValid(checked.errors());
    return checked;
  }
}
