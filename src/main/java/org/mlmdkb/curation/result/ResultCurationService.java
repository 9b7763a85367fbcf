package org.mlmdkb.curation.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;
import org.mlmdkb.benchmark.ResultDto;
import org.mlmdkb.benchmark.ResultService;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.curation.EntityTags;
import org.mlmdkb.curation.MergePatch;
import org.mlmdkb.curation.history.HistoryRepository;

/**
 * Creates, patches and deletes benchmark results, one transaction per write, each recorded in the
 * change history with the result's editable state before and after.
 */
@ApplicationScoped
@Transactional
public class ResultCurationService {

  static final String COLLECTION = "results";

  /** A result as readers now see it, with the ETag of that representation. */
  public record Written(ResultDto result, String etag) {}

  private final ResultWriteRepository writes;
  private final ResultService results;
  private final ResultRules rules;
  private final HistoryRepository history;
  private final EntityTags tags;
  private final ObjectMapper json;

  public ResultCurationService(
      ResultWriteRepository writes,
      ResultService results,
      ResultRules rules,
      HistoryRepository history,
      EntityTags tags,
      ObjectMapper json) {
    this.writes = writes;
    this.results = results;
    this.rules = rules;
    this.history = history;
    this.tags = tags;
    this.json = json;
  }

  public Written create(ResultInput input, String keyName) throws SQLException {
    ResultRules.Checked checked = validate(input);
    long id = writes.insert(checked.result(), canonicalValue(checked), canonicalUnit(checked));
    history.record(COLLECTION, id, "create", keyName, null, checked.result());
    return current(id);
  }

  /** A patch yielding a document of the wrong shape fails like any unreadable body (400). */
  public Written patch(long id, JsonNode patch, String ifMatch, String keyName)
      throws SQLException, JsonProcessingException {
    lockWithPrecondition(id, ifMatch);
    ResultInput before = writes.editableState(id).orElseThrow();
    JsonNode merged = MergePatch.apply(json.valueToTree(before), patch);
    ResultRules.Checked checked = validate(json.treeToValue(merged, ResultInput.class));
    if (checked.result().equals(before)) {
      return current(id); // nothing changed: no new version, no history entry
    }
    writes.update(id, checked.result(), canonicalValue(checked), canonicalUnit(checked));
    history.record(COLLECTION, id, "update", keyName, before, checked.result());
    return current(id);
  }

  public void delete(long id, String ifMatch, String keyName) throws SQLException {
    lockWithPrecondition(id, ifMatch);
    ResultInput before = writes.editableState(id).orElseThrow();
    writes.delete(id);
    history.record(COLLECTION, id, "delete", keyName, before, null);
  }

  /** Also answers for a deleted result: its history outlives the row. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<HistoryRepository.Entry> history(long id) throws SQLException {
    List<HistoryRepository.Entry> entries = history.listByItem(COLLECTION, id);
    if (entries.isEmpty() && writes.editableState(id).isEmpty()) {
      throw ApiException.notFound("Result " + id);
    }
    return entries;
  }

  private void lockWithPrecondition(long id, String ifMatch) throws SQLException {
    if (!writes.lockLive(id)) {
      throw ApiException.notFound("Result " + id);
    }
    EntityTags.require(ifMatch, tags.of(results.get(id)));
  }

  private Written current(long id) throws SQLException {
    ResultDto result = results.get(id);
    return new Written(result, tags.of(result));
  }

  private ResultRules.Checked validate(ResultInput input) throws SQLException {
    ResultRules.Checked checked = rules.check(input);
    if (!checked.errors().isEmpty()) {
      throw new ApiException(
          422,
          "validation-failed",
          "Validation failed",
          checked.errors().size() + " field(s) are invalid",
          checked.errors());
    }
    return checked;
  }

  private static BigDecimal canonicalValue(ResultRules.Checked checked) {
    return checked.unit().toCanonical(checked.result().value());
  }

  private static String canonicalUnit(ResultRules.Checked checked) {
    return checked.unit().dimension().canonicalCode();
  }
}
