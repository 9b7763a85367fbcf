package org.mlmdkb.article;

import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.mlmdkb.common.db.SoftDeletable;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.common.query.Slugs;
import org.mlmdkb.curation.BodyChecks;
import org.mlmdkb.curation.CuratedCollection;

/** Articles as a curated collection: addressed and unique by slug, drafts included. */
@Singleton
public class ArticleCollection extends CuratedCollection<ArticleInput> {

  private final ArticleWriteRepository writes;
  private final ArticleService articles;

  public ArticleCollection(
      ArticleWriteRepository writes, ArticleService articles, ArticleRules rules) {
    super("articles", "Article", ArticleInput.class, rules, writes);
    this.writes = writes;
    this.articles = articles;
  }

  @Override
  public Optional<Long> find(String ref, boolean includeDeleted) throws SQLException {
    return writes.idOf(Slugs.check("slug", ref), includeDeleted);
  }

  @Override
  public boolean publiclyVisible(long id) throws SQLException {
    return writes.editableState(id).map(a -> "published".equals(a.status())).orElse(false);
  }

  @Override
  protected ArticleInput checkReferences(
      ArticleInput article, Long id, List<Problem.FieldError> errors) throws SQLException {
    unknown("tags", "tag", writes.unknownTags(article.tags()), errors);
    unknown("papers", "paper", writes.unknownPapers(article.papers()), errors);
    unknown("methods", "method", writes.unknownMethods(article.methods()), errors);
    unknown("datasets", "dataset", writes.unknownDatasets(article.datasets()), errors);
    return article;
  }

  @Override
  protected void checkUnique(ArticleInput article, Long id) throws SQLException {
    Optional<SoftDeletable.Holder> holder = writes.holderOfSlug(article.slug(), id);
    if (holder.isPresent()) {
      throw ApiException.slugTaken(
          "article", article.slug(), "another article", holder.get().deleted());
    }
  }

  /** The detail a curator reads at GET (drafts included), whose ETag writes compare against. */
  @Override
  public Object representation(long id) throws SQLException {
    return articles.get(writes.slugOf(id), true);
  }

  @Override
  public String location(long id) throws SQLException {
    return "/api/v1/articles/" + writes.slugOf(id);
  }

  private static void unknown(
      String field, String noun, List<String> values, List<Problem.FieldError> errors) {
    for (String value : values) {
      errors.add(BodyChecks.body(field, "unknown " + noun + " '" + value + "'"));
    }
  }
}
