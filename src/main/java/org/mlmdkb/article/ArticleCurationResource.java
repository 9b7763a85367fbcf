package org.mlmdkb.article;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Path;
import org.mlmdkb.curation.CuratedResource;
import org.mlmdkb.curation.CurationHistory;
import org.mlmdkb.curation.CurationWorkflow;
import org.mlmdkb.curation.auth.Caller;

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
