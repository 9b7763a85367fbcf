package org.mlmdkb.tag;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import org.mlmdkb.common.error.ApiException;

/** Single live tags; a deleted tag reads as missing (404). */
@ApplicationScoped
public class TagService {

  private final TagRepository tags;

  public TagService(TagRepository tags) {
    this.tags = tags;
  }

  public TagRepository.TagDto get(String slug) throws SQLException {
    return tags.findLive(slug).orElseThrow(() -> ApiException.notFound("Tag '" + slug + "'"));
  }
}
