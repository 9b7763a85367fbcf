package org.mlmdkb.search;

import java.util.List;
import java.util.Map;
import org.mlmdkb.search.semantic.SemanticStatus;

/** Shapes of search answers on the wire (see openapi.yaml: SearchPage, SuggestionList, …). */
public final class SearchDtos {

  private SearchDtos() {}

  /** One hit; {@code snippet} is HTML-escaped text with matched terms in {@code <mark>}. */
  public record SearchHit(String type, String id, String title, String snippet, double score) {}

  public record Correction(String from, String to) {}

  public record FacetValue(String value, String label, long count) {}

  public record SearchPage(
      String q,
      String didYouMean,
      List<Correction> corrections,
      List<String> expansions,
      List<SearchHit> items,
      String nextCursor,
      long total,
      Map<String, List<FacetValue>> facets,
      String mode,
      SemanticStatus semantic) {}

  public record Suggestion(String text, String type, String id) {}

  public record SuggestionList(List<Suggestion> items) {}
}
