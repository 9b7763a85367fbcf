package org.mlmdkb.search.semantic;

import jakarta.enterprise.context.ApplicationScoped;
import org.mlmdkb.common.web.SearchSummary;

/** The search part of the API root: the default mode, and whether search by meaning can serve. */
@ApplicationScoped
public class SearchModes implements SearchSummary {

  private final SemanticSearch semantic;

  public SearchModes(SemanticSearch semantic) {
    this.semantic = semantic;
  }

  @Override
  public Info summary() {
    return new Info(semantic.defaultMode().wire(), semantic.status());
  }

  /** The root's {@code search} member. */
  public record Info(String defaultMode, SemanticStatus semantic) {}
}
