package org.mlmdkb.paper;

import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mlmdkb.common.db.SoftDeletable;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.common.error.ProblemType;
import org.mlmdkb.curation.BodyChecks;
import org.mlmdkb.curation.CuratedCollection;

/** Papers as a curated collection: addressed by numeric id, unique by DOI and by arXiv id. */
@Singleton
public class PaperCollection extends CuratedCollection<PaperInput> {

  private final PaperWriteRepository writes;
  private final PaperService papers;

  public PaperCollection(PaperWriteRepository writes, PaperService papers, PaperRules rules) {
    super("papers", "Paper", PaperInput.class, rules, writes);
    this.writes = writes;
    this.papers = papers;
  }

  /** Writes address papers by id only; the DOI forms of the read path are for readers. */
  @Override
  public Optional<Long> find(String ref, boolean includeDeleted) throws SQLException {
    return findNumeric(
        ref, "paper", includeDeleted ? writes::existsIncludingDeleted : writes::existsLive);
  }

  /** A paper's ref is its id: locking its live row is the existence check, in one statement. */
  @Override
  public Optional<Long> lockLive(String ref) throws SQLException {
    return findNumeric(ref, "paper", this::lockLive);
  }

  @Override
  protected PaperInput checkReferences(PaperInput paper, Long id, List<Problem.FieldError> errors)
      throws SQLException {
    for (String unknown : writes.unknownTags(paper.tags())) {
      errors.add(BodyChecks.body("tags", "unknown tag '" + unknown + "'"));
    }
    return paper;
  }

  @Override
  protected void checkUnique(PaperInput paper, Long id) throws SQLException {
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
  }

  @Override
  public void update(long id, PaperInput before, PaperInput after) throws SQLException {
    writes.update(id, before, after);
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
    super.softDelete(id);
  }

  @Override
  public Object representation(long id) throws SQLException {
    return papers.get(Long.toString(id));
  }

  @Override
  public Object createdRepresentation(long id) throws SQLException {
    return papers.getCreated(id);
  }

  @Override
  public String location(long id) {
    return "/api/v1/papers/" + id;
  }

  private static void describe(
      String field, Optional<SoftDeletable.Holder> holder, List<Problem.FieldError> out) {
    holder.ifPresent(
        h ->
            out.add(
                BodyChecks.body(
                    field,
                    "already belongs to paper "
                        + h.id()
                        + (h.deleted() ? " (deleted; an admin can restore it)" : ""))));
  }
}
