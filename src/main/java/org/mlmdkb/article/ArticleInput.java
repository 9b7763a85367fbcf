package org.mlmdkb.article;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * An article's editable state: the body of POST and PUT, the document a merge patch applies to, and
 * what the history records. The server derives body_html, reading_time_minutes, published_at and
 * updated_at from it.
 */
public record ArticleInput(
    @NotBlank @Size(max = 200) String slug,
    @NotBlank @Size(max = 500) String title,
    @NotBlank @Size(max = 2000) String summary,
    @NotBlank @Size(max = ArticleInput.MAX_BODY) String bodyMarkdown,
    @Size(max = 50) List<@NotBlank @Size(max = 300) String> authors,
    @NotBlank String status,
    @Size(max = 50) List<@NotBlank @Size(max = 200) String> tags,
    @Size(max = 500) List<@NotNull Long> papers,
    @Size(max = 200) List<@NotBlank @Size(max = 200) String> methods,
    @Size(max = 200) List<@NotBlank @Size(max = 200) String> datasets) {

  /** Characters of Markdown; the longest seeded article is a few thousand words. */
  public static final int MAX_BODY = 200_000;

  public ArticleInput {
    authors = authors == null ? List.of() : authors;
    tags = tags == null ? List.of() : tags;
    papers = papers == null ? List.of() : papers;
    methods = methods == null ? List.of() : methods;
    datasets = datasets == null ? List.of() : datasets;
  }
}
