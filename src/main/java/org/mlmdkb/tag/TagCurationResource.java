package org.mlmdkb.tag;

import jakarta.ws.rs.Path;
import org.mlmdkb.curation.CuratedResource;
import org.mlmdkb.curation.CuratedResourceSupport;

/**
 * Tag writes, as every curated collection has them (see {@link CuratedResource}); the reads are
 * {@code tag.TagResource}, which shares this path.
 */
@Path("/api/v1/tags")
public class TagCurationResource extends CuratedResource<TagInput> {

  public TagCurationResource(CuratedResourceSupport support, TagCollection tags) {
    super(support, tags);
  }
}
