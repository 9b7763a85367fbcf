package org.mlmdkb.method;

import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mlmdkb.common.db.SoftDeletable;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.common.error.ProblemType;
import org.mlmdkb.common.query.Slugs;
import org.mlmdkb.curation.BodyChecks;
import org.mlmdkb.curation.CuratedCollection;

/**
 * Methods as a curated collection: addressed by slug, unique by slug (deleted ones keep theirs),
 * linked to live parents without cycles, and never hidden while something public points at them.
 */
@Singleton
public class MethodCollection extends CuratedCollection<MethodInput> {

  private final MethodWriteRepository writes;
  private final MethodService methods;

  public MethodCollection(MethodWriteRepository writes, MethodService methods, MethodRules rules) {
    super("methods", "Method", MethodInput.class, rules, writes);
    this.writes = writes;
    this.methods = methods;
  }

  @Override
  public Optional<Long> find(String ref, boolean includeDeleted) throws SQLException {
    return writes.idOf(Slugs.check("slug", ref), includeDeleted);
  }

  @Override
  protected MethodInput checkReferences(
      MethodInput method, Long id, List<Problem.FieldError> errors) throws SQLException {
    if (id != null && !(method.parents().isEmpty() && method.supersedes().isEmpty())) {
      // Taken before the parents are read, so the cycle check sees every committed edge.
      writes.lockLineage();
    }
    checkLinks(method, method.parents(), "parents", id, errors);
    checkLinks(method, method.supersedes(), "supersedes", id, errors);
    for (String unknown : writes.unknownDatasets(method.trainingDatasets())) {
      errors.add(BodyChecks.body("training_datasets", "unknown dataset '" + unknown + "'"));
    }
    checkPaper(method.paper(), id, errors);
    return method;
  }

  @Override
  protected void checkUnique(MethodInput method, Long id) throws SQLException {
    Optional<SoftDeletable.Holder> holder = writes.holderOfSlug(method.slug(), id);
    if (holder.isPresent()) {
      throw ApiException.slugTaken(
          "method", method.slug(), "another method", holder.get().deleted());
    }
  }

  /** The methods a lineage list names (parents or supersedes) must be live, without a cycle. */
  private void checkLinks(
      MethodInput method,
      List<String> slugs,
      String field,
      Long id,
      List<Problem.FieldError> errors)
      throws SQLException {
    Map<String, MethodWriteRepository.Ref> found = writes.findBySlugs(slugs);
    List<Long> linkedIds = new ArrayList<>();
    for (String slug : slugs) {
      MethodWriteRepository.Ref linked = found.get(slug);
      if (linked == null) {
        errors.add(BodyChecks.body(field, "unknown method '" + slug + "'"));
      } else if (linked.deleted()) {
        errors.add(BodyChecks.body(field, "method '" + slug + "' is deleted"));
      } else if (!Objects.equals(linked.id(), id)) {
        linkedIds.add(linked.id());
      } else if (!slug.equals(method.slug())) {
        // Renamed in this write and still named by its old slug (the new one is caught by rules).
        errors.add(BodyChecks.body(field, "cannot name the method itself"));
      }
    }
    if (id != null && writes.wouldCloseCycle(id, linkedIds)) {
      errors.add(
          BodyChecks.body(
              field, "would make the method its own ancestor (a cycle in the lineage)"));
    }
  }

  /**
   * A linked paper must be a live one of the corpus, and identifiers sent with it must be its own.
   * An unchanged link stays valid after its paper is deleted, so other edits are not blocked.
   */
  private void checkPaper(MethodInput.Paper paper, Long id, List<Problem.FieldError> errors)
      throws SQLException {
    if (paper == null || paper.id() == null) {
      return;
    }
    Optional<MethodWriteRepository.PaperFacts> facts = writes.paper(paper.id());
    boolean unchanged = id != null && writes.storedPaperId(id).equals(Optional.of(paper.id()));
    if (facts.isEmpty() || (facts.get().deleted() && !unchanged)) {
      errors.add(BodyChecks.body("paper.id", "no paper " + paper.id() + " in the corpus"));
      return;
    }
    MethodWriteRepository.PaperFacts p = facts.get();
    if (paper.doi() != null && p.doi() != null && !paper.doi().equalsIgnoreCase(p.doi())) {
      errors.add(
          BodyChecks.body(
              "paper.doi", "disagrees with the DOI of paper " + p.id() + ": " + p.doi()));
    }
    if (paper.arxivId() != null && p.arxivId() != null && !paper.arxivId().equals(p.arxivId())) {
      errors.add(
          BodyChecks.body(
              "paper.arxiv_id",
              "disagrees with the arXiv id of paper " + p.id() + ": " + p.arxivId()));
    }
  }

  /** Refused while anything public points at the method, so no link leads to a hidden one. */
  @Override
  public void softDelete(long id) throws SQLException {
    MethodWriteRepository.Dependants d = writes.dependants(id);
    if (d.results() > 0 || !d.liveChildren().isEmpty()) {
      List<String> reasons = new ArrayList<>();
      if (d.results() > 0) {
        reasons.add(d.results() + " benchmark result(s)");
      }
      if (!d.liveChildren().isEmpty()) {
        reasons.add(
            d.liveChildren().size()
                + " derived method(s) ("
                + String.join(", ", d.liveChildren())
                + ")");
      }
      throw refusal(
          ProblemType.METHOD_IN_USE,
          id,
          "is referenced by " + String.join(" and ", reasons) + "; delete or re-point them first");
    }
    super.softDelete(id);
  }

  /** Refused while a parent is deleted: the restored method's lineage would name a hidden one. */
  @Override
  public boolean restore(long id) throws SQLException {
    List<String> deletedParents = writes.deletedParents(id);
    if (!deletedParents.isEmpty() && writes.findById(id).map(r -> r.deleted()).orElse(false)) {
      throw refusal(
          ProblemType.PARENT_DELETED,
          id,
          "derives from deleted method(s) "
              + String.join(", ", deletedParents)
              + "; restore them first");
    }
    return super.restore(id);
  }

  @Override
  public Object representation(long id) throws SQLException {
    return methods.get(slug(id));
  }

  @Override
  public String location(long id) throws SQLException {
    return "/api/v1/methods/" + slug(id);
  }

  /** A refused delete or restore of method {@code id}: "Method 'slug' {@code why}". */
  private ApiException refusal(ProblemType type, long id, String why) throws SQLException {
    return new ApiException(type, "Method '" + slug(id) + "' " + why, List.of());
  }

  private String slug(long id) throws SQLException {
    return writes.findById(id).orElseThrow().slug();
  }
}
