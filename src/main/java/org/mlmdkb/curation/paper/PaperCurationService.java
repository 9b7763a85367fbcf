package org.mlmdkb.curation.paper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.curation.EntityTags;
import org.mlmdkb.curation.MergePatch;
import org.mlmdkb.curation.history.HistoryRepository;
import org.mlmdkb.paper.PaperDtos.PaperDetail;
import org.mlmdkb.paper.PaperService;

/**
 * Creates, patches, soft-deletes and restores papers, one transaction per write, each recorded in
 * the change history with the paper's editable state before and after.
 */
@ApplicationScoped
@Transactional
public class PaperCurationService {

  static final String COLLECTION = "papers";

  /** A paper as readers now see it, with the ETag of that representation. */
  public record Written(PaperDetail paper, String etag) {}

  private final PaperWriteRepository writes;
  private final PaperService papers;
  private final PaperRules rules;
  private final HistoryRepository history;
  private final EntityTags tags;
  private final ObjectMapper json;

  public PaperCurationService(
      PaperWriteRepository writes,
      PaperService papers,
      PaperRules rules,
      HistoryRepository history,
      EntityTags tags,
      ObjectMapper json) {
    this.writes = writes;
    this.papers = papers;
    this.rules = rules;
    this.history = history;
    this.tags = tags;
    this.json = json;
  }

  public Written create(PaperInput input, String keyName) throws SQLException {
    PaperInput paper = validate(input, null);
    long id = writes.insert(paper);
    history.record(COLLECTION, id, "create", keyName, null, paper);
    return current(id);
  }

  /** A patch yielding a document of the wrong shape fails like any unreadable body (400). */
  public Written patch(long id, JsonNode patch, String ifMatch, String keyName)
      throws SQLException, JsonProcessingException {
    lockWithPrecondition(id, ifMatch);
    PaperInput before = writes.editableState(id).orElseThrow();
    JsonNode merged = MergePatch.apply(json.valueToTree(before), patch);
    PaperInput after = validate(json.treeToValue(merged, PaperInput.class), id);
    if (after.equals(before)) {
      return current(id); // nothing changed: no new version, no history entry
    }
    writes.update(id, after);
    history.record(COLLECTION, id, "update", keyName, before, after);
    return current(id);
  }

  public void delete(long id, String ifMatch, String keyName) throws SQLException {
    lockWithPrecondition(id, ifMatch);
    PaperInput before = writes.editableState(id).orElseThrow();
    writes.softDelete(id);
    history.record(COLLECTION, id, "delete", keyName, before, null);
  }

  /** Restoring needs no If-Match: a deleted paper has no representation a client could hold. */
  public Written restore(long id, String keyName) throws SQLException {
    if (!writes.restore(id)) {
      throw ApiException.notFound("Deleted paper " + id);
    }
    history.record(COLLECTION, id, "restore", keyName, null, writes.editableState(id).get());
    return current(id);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<HistoryRepository.Entry> history(long id) throws SQLException {
    if (!writes.existsIncludingDeleted(id)) {
      throw ApiException.notFound("Paper " + id);
    }
    return history.listByItem(COLLECTION, id);
  }

  private void lockWithPrecondition(long id, String ifMatch) throws SQLException {
    if (!writes.lockLive(id)) {
      throw ApiException.notFound("Paper " + id);
    }
    EntityTags.require(ifMatch, tags.of(papers.get(Long.toString(id))));
  }

  private Written current(long id) throws SQLException {
    PaperDetail paper = papers.get(Long.toString(id));
    return new Written(paper, tags.of(paper));
  }

  private PaperInput validate(PaperInput input, Long id) throws SQLException {
    PaperRules.Checked checked = rules.check(input);
    List<Problem.FieldError> errors = new ArrayList<>(checked.errors());
    PaperInput paper = checked.paper();
    for (String unknown : writes.unknownTags(paper.tags())) {
      errors.add(PaperRules.body("tags", "unknown tag '" + unknown + "'"));
    }
    if (!errors.isEmpty()) {
      throw new ApiException(
          422,
          "validation-failed",
          "Validation failed",
          errors.size() + " field(s) are invalid",
          errors);
    }
    List<Problem.FieldError> conflicts = new ArrayList<>();
    if (paper.doi() != null) {
      describe("doi", writes.holderOfDoi(paper.doi(), id), conflicts);
    }
    if (paper.arxivId() != null) {
      describe("arxiv_id", writes.holderOfArxivId(paper.arxivId(), id), conflicts);
    }
    if (!conflicts.isEmpty()) {
      throw new ApiException(
          409, "conflict", "Conflict", "Another paper has the same identifier", conflicts);
    }
    return paper;
  }

  private static void describe(
      String field, Optional<PaperWriteRepository.Holder> holder, List<Problem.FieldError> out) {
    holder.ifPresent(
        h ->
            out.add(
                PaperRules.body(
                    field,
                    "already belongs to paper "
                        + h.id()
                        + (h.deleted() ? " (deleted; an admin can restore it)" : ""))));
  }
}
