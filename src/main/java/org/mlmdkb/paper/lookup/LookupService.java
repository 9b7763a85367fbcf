package org.mlmdkb.paper.lookup;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.mlmdkb.common.db.SoftDeletable;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.common.error.ProblemType;
import org.mlmdkb.common.web.EntityTags;
import org.mlmdkb.curation.Checked;
import org.mlmdkb.paper.PaperCurationService;
import org.mlmdkb.paper.PaperDtos.PaperDetail;
import org.mlmdkb.paper.PaperInput;
import org.mlmdkb.paper.PaperRules;
import org.mlmdkb.paper.PaperService;
import org.mlmdkb.paper.PaperWriteRepository;
import org.mlmdkb.paper.lookup.LookupResult.Source;
import org.mlmdkb.paper.lookup.LookupResult.Status;

/**
 * Adds a paper by DOI or arXiv id: the corpus' own copy when it holds the identifier, otherwise the
 * metadata of Crossref or arXiv, created through {@link PaperCurationService} so validation,
 * duplicate checks and the change history apply as for any new paper.
 *
 * <p>Not {@code @Transactional}: no connection or transaction may be held while an upstream service
 * takes its time; the create runs in a transaction of its own.
 */
@ApplicationScoped
public class LookupService {

  /** A lookup's result, with the paper's id and ETag when the paper is in the corpus. */
  public record Outcome(LookupResult result, Long paperId, String etag) {}

  private final PaperWriteRepository writes;
  private final PaperService papers;
  private final PaperCurationService curation;
  private final PaperRules rules;
  private final EntityTags tags;
  private final CrossrefClient crossref;
  private final ArxivClient arxiv;

  public LookupService(
      PaperWriteRepository writes,
      PaperService papers,
      PaperCurationService curation,
      PaperRules rules,
      EntityTags tags,
      CrossrefClient crossref,
      ArxivClient arxiv) {
    this.writes = writes;
    this.papers = papers;
    this.curation = curation;
    this.rules = rules;
    this.tags = tags;
    this.crossref = crossref;
    this.arxiv = arxiv;
  }

  public Outcome lookup(LookupRequest request, boolean dryRun, String keyName) throws SQLException {
    PaperIdentifier id = PaperIdentifier.of(request);
    Optional<SoftDeletable.Holder> holder =
        id.kind() == PaperIdentifier.Kind.DOI
            ? writes.holderOfDoi(id.value(), null)
            : writes.holderOfArxivId(id.value(), null);
    if (holder.isPresent()) {
      return existing(id, holder.get());
    }
    Source source = id.kind() == PaperIdentifier.Kind.DOI ? Source.CROSSREF : Source.ARXIV;
    PaperInput fetched = source == Source.CROSSREF ? crossref.fetch(id) : arxiv.fetch(id);
    if (dryRun) {
      return new Outcome(new LookupResult(Status.PREVIEW, source, checked(fetched)), null, null);
    }
    PaperCurationService.Written written = curation.create(fetched, keyName);
    return new Outcome(
        new LookupResult(Status.CREATED, source, written.paper()),
        written.paper().id(),
        written.etag());
  }

  /** A deleted holder is not handed out: restoring it is an admin's decision (409, as on POST). */
  private Outcome existing(PaperIdentifier id, SoftDeletable.Holder holder) throws SQLException {
    if (holder.deleted()) {
      String message =
          "already belongs to paper " + holder.id() + " (deleted; an admin can restore it)";
      throw new ApiException(
          ProblemType.CONFLICT,
          "Another paper has the same identifier",
          List.of(new Problem.FieldError(id.kind().field, "body", message)));
    }
    PaperDetail paper = papers.get(Long.toString(holder.id()));
    return new Outcome(
        new LookupResult(Status.EXISTING, Source.CORPUS, paper), paper.id(), tags.of(paper));
  }

  /**
   * The preview as a create would store it; fetched metadata the rules refuse is a 422 here too.
   */
  private PaperInput checked(PaperInput fetched) {
    Checked<PaperInput> checked = rules.check(fetched);
    if (!checked.errors().isEmpty()) {
      throw new ApiException(
          ProblemType.VALIDATION_FAILED,
          checked.errors().size() + " field(s) of the fetched metadata are invalid",
          checked.errors());
    }
    return checked.item();
  }
}
