package org.mlmdkb.tag;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Path;
import org.mlmdkb.curation.CuratedResource;
import org.mlmdkb.curation.CurationHistory;
import org.mlmdkb.curation.CurationWorkflow;
import org.mlmdkb.curation.auth.Caller;

/**
 * Tag writes, as every curated collection has them (see {@link CuratedResource}); the reads are
 * {@code tag.TagResource}, which shares this path.
 */
@Path("/api/v1/tags")
public class TagCurationResource extends CuratedResource<TagInput> {

  public TagCurationResource(
      CurationWorkflow workflow,
      CurationHistory history,
      TagCollection tags,
      Caller caller,
      ObjectMapper json) {
    super(workflow, history, tags, caller, json);
  }
}
