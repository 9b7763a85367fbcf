package org.mlmdkb.paper;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.common.error.ProblemType;
import org.mlmdkb.curation.CuratedCollection;

/** Papers as a curated collection: addressed by numeric id, unique by DOI and by arXiv id. */
@ApplicationScoped
public class PaperCollection implements CuratedCollection<PaperInput> {

  private final PaperWriteRepository writes;
  private final PaperService papers;
  private final PaperRules rules;

  public PaperCollection(PaperWriteRepository writes, PaperService papers, PaperRules rules) {
    this.writes = writes;
    this.papers = papers;
    this.rules = rules;
  }

  @Override
  public String name() {
    return "papers";
  }

  @Override
  public String noun() {
    return "Paper";
  }

  @Override
  public Class<PaperInput> inputType() {
    return PaperInput.class;
  }

  /** Writes address papers by id only; the DOI forms of the read path are for readers. */
  @Override
  public Optional<Long> find(String ref, boolean includeDeleted) throws SQLException {
    if (ref == null || !ref.matches("\\d{1,18}")) {
      throw ApiException.badPathParameter("id", "must be a numeric paper id");
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
  public Optional<PaperInput> editableState(long id) throws SQLException {
    return writes.editableState(id);
  }

  @Override
  public PaperInput validate(PaperInput input, Long id) throws SQLException {
    PaperRules.Checked checked = rules.check(input);
    List<Problem.FieldError> errors = new ArrayList<>(checked.errors());
    PaperInput paper = checked.paper();
    for (String unknown : writes.unknownTags(paper.tags())) {
      errors.add(PaperRules.body("tags", "unknown tag '" + unknown + "'"));
    }
    ApiException.unlessValid(errors);
    List<Problem.FieldError> conflicts = new ArrayList<>();
    if (paper.doi() != null) {
      describe("doi", writes.holderOfDoi(paper.doi(), id), conflicts);
    }
    if (paper.arxivId() != null) {
      describe("arxiv_id", writes.holderOfArxivId(paper.arxivId(), id), conflicts);
    }
    if (!conflicts.isEmpty()) {
      throw new ApiException(
          ProblemType.CONFLICT, "Another paper has the same identifier", conflicts);
    }
    return paper;
  }

  @Override
  public long insert(PaperInput input) throws SQLException {
    return writes.insert(input);
  }

  @Override
  public void update(long id, PaperInput input) throws SQLException {
    writes.update(id, input);
  }

  /**
   * Refused while live results, methods or datasets cite the paper as theirs: they would show a
   * hidden paper's identifiers and could no longer be edited without re-pointing it.
   */
  @Override
  public void softDelete(long id) throws SQLException {
    PaperWriteRepository.Citations cited = writes.liveCitations(id);
    if (cited.any()) {
      throw new ApiException(
          ProblemType.PAPER_IN_USE,
          "Paper "
              + id
              + " is cited by "
              + cited.results()
              + " benchmark result(s), "
              + cited.methods()
              + " method(s) and "
              + cited.datasets()
              + " dataset(s) as their paper; delete or re-point them first",
          List.of());
    }
    writes.softDelete(id);
  }

  @Override
  public boolean restore(long id) throws SQLException {
    return writes.restore(id);
  }

  @Override
  public Object representation(long id) throws SQLException {
    return papers.get(Long.toString(id));
  }

  @Override
  public String location(long id) {
    return "/api/v1/papers/" + id;
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
