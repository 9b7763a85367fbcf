package org.mlmdkb.article;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.common.query.Slugs;
import org.mlmdkb.curation.CuratedCollection;

/** Articles as a curated collection: addressed and unique by slug, drafts included. */
@ApplicationScoped
public class ArticleCollection implements CuratedCollection<ArticleInput> {

  private final ArticleWriteRepository writes;
  private final ArticleService articles;
  private final ArticleRules rules;

  public ArticleCollection(
      ArticleWriteRepository writes, ArticleService articles, ArticleRules rules) {
    this.writes = writes;
    this.articles = articles;
    this.rules = rules;
  }

  @Override
  public String name() {
    return "articles";
  }

  @Override
  public String noun() {
    return "Article";
  }

  @Override
  public Class<ArticleInput> inputType() {
    return ArticleInput.class;
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
  public boolean lockLive(long id) throws SQLException {
    return writes.lockLive(id);
  }

  @Override
  public Optional<ArticleInput> editableState(long id) throws SQLException {
    return writes.editableState(id);
  }

  @Override
  public ArticleInput validate(ArticleInput input, Long id) throws SQLException {
    ArticleRules.Checked checked = rules.check(input);
    List<Problem.FieldError> errors = new ArrayList<>(checked.errors());
    ArticleInput article = checked.article();
    unknown("tags", "tag", writes.unknownTags(article.tags()), errors);
    unknown("papers", "paper", writes.unknownPapers(article.papers()), errors);
    unknown("methods", "method", writes.unknownMethods(article.methods()), errors);
    unknown("datasets", "dataset", writes.unknownDatasets(article.datasets()), errors);
    ApiException.unlessValid(errors);
    Optional<ArticleWriteRepository.Holder> holder = writes.holderOfSlug(article.slug(), id);
    if (holder.isPresent()) {
      throw ApiException.slugTaken(
          "article", article.slug(), "another article", holder.get().deleted());
    }
    return article;
  }

  @Override
  public long insert(ArticleInput input) throws SQLException {
    return writes.insert(input);
  }

  @Override
  public void update(long id, ArticleInput input) throws SQLException {
    writes.update(id, input);
  }

  @Override
  public void softDelete(long id) throws SQLException {
    writes.softDelete(id);
  }

  @Override
  public boolean restore(long id) throws SQLException {
    return writes.restore(id);
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
      errors.add(ArticleRules.body(field, "unknown " + noun + " '" + value + "'"));
    }
  }
}
