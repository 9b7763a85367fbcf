package org.mlmdkb.tag;

import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.mlmdkb.common.db.SoftDeletable;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.common.error.ProblemType;
import org.mlmdkb.common.query.Slugs;
import org.mlmdkb.curation.BodyChecks;
import org.mlmdkb.curation.CuratedCollection;

/**
 * Tags as a curated collection: addressed and unique by slug, arranged in a tree without cycles. A
 * tag in use cannot be deleted, and a tag cannot be restored under a deleted parent, so no live
 * item ever carries a deleted tag.
 */
@Singleton
public class TagCollection extends CuratedCollection<TagInput> {

  private final TagWriteRepository writes;
  private final TagService tags;

  public TagCollection(TagWriteRepository writes, TagService tags, TagRules rules) {
    super("tags", "Tag", TagInput.class, rules, writes);
    this.writes = writes;
    this.tags = tags;
  }

  @Override
  public Optional<Long> find(String ref, boolean includeDeleted) throws SQLException {
    return writes.idOf(Slugs.check("slug", ref), includeDeleted);
  }

  /** The parent must be a live tag outside this one's subtree; the rules have checked its form. */
  @Override
  protected TagInput checkReferences(TagInput tag, Long id, List<Problem.FieldError> errors)
      throws SQLException {
    boolean parentChecked = errors.stream().noneMatch(e -> e.name().equals("parent"));
    if (tag.parent() != null && parentChecked) {
      if (!writes.isLive(tag.parent())) {
        errors.add(BodyChecks.body("parent", "unknown tag '" + tag.parent() + "'"));
      } else if (id != null && writes.isSelfOrAncestorOf(id, tag.parent())) {
        errors.add(
            BodyChecks.body(
                "parent",
                "'" + tag.parent() + "' is this tag or one of its descendants (a cycle)"));
      }
    }
    return tag;
  }

  @Override
  protected void checkUnique(TagInput tag, Long id) throws SQLException {
    Optional<SoftDeletable.Holder> holder = writes.holderOfSlug(tag.slug(), id);
    if (holder.isPresent()) {
      throw ApiException.slugTaken("tag", tag.slug(), "another tag", holder.get().deleted());
    }
  }

  @Override
  public void softDelete(long id) throws SQLException {
    TagWriteRepository.Usage usage = writes.usage(id);
    if (usage.any()) {
      String counts =
          "used by "
              + usage.papers()
              + " live paper(s), "
              + usage.articles()
              + " article(s) and "
              + usage.children()
              + " child tag(s)";
      throw new ApiException(
          ProblemType.TAG_IN_USE,
          "Tag '" + writes.slugOf(id) + "' is " + counts + "; untag or move them first",
          List.of(new Problem.FieldError("slug", "path", counts)));
    }
    super.softDelete(id);
  }

  @Override
  public boolean restore(long id) throws SQLException {
    Optional<String> parent = writes.parentOf(id);
    if (parent.isPresent() && parent.get() != null && !writes.isLive(parent.get())) {
      throw new ApiException(
          ProblemType.PARENT_DELETED,
          "Tag '"
              + writes.slugOf(id)
              + "' sits under the deleted tag '"
              + parent.get()
              + "'; restore that first",
          List.of());
    }
    return super.restore(id);
  }

  @Override
  public Object representation(long id) throws SQLException {
    return tags.get(writes.slugOf(id));
  }

  @Override
  public String location(long id) throws SQLException {
    return "/api/v1/tags/" + writes.slugOf(id);
  }
}
