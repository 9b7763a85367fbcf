package org.mlmdkb.curation.article;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Path;
import org.mlmdkb.curation.auth.Caller;
import org.mlmdkb.curation.core.CuratedResource;
import org.mlmdkb.curation.core.CurationHistory;
import org.mlmdkb.curation.core.CurationWorkflow;

/**
 * Article writes, as every curated collection has them (see {@link CuratedResource}); the reads are
 * {@code article.ArticleResource}, which shares this path.
 */
@Path("/api/v1/articles")
public class ArticleCurationResource extends CuratedResource<ArticleInput> {

  public ArticleCurationResource(
      CurationWorkflow workflow,
      CurationHistory history,
      ArticleCollection articles,
      Caller caller,
      ObjectMapper json) {
    super(workflow, history, articles, caller, json);
  }
}
