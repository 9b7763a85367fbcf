package org.mlmdkb.paper;

import java.util.List;

/** Properties of a paper list item that {@code fields=} may select ({@code id} always comes). */
final class PaperFields {
  static final List<String> SELECTABLE =
      List.of(
          "id",
          "title",
          "year",
          "date",
          "venue",
          "entry_type",
          "doi",
          "arxiv_id",
          "url",
          "code_url",
          "authors",
          "tags",
          "added_at");

  private PaperFields() {}
}
