package org.mlmdkb.article;

import jakarta.ws.rs.Path;
import org.mlmdkb.curation.CuratedResource;
import org.mlmdkb.curation.CuratedResourceSupport;

/**
 * Article writes, as every curated collection has them (see {@link CuratedResource}); the reads are
 * {@code article.ArticleResource}, which shares this path.
 */
@Path("/api/v1/articles")
public class ArticleCurationResource extends CuratedResource<ArticleInput> {

  public ArticleCurationResource(CuratedResourceSupport support, ArticleCollection articles) {
    super(support, articles);
  }
}
