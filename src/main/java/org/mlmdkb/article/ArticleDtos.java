package org.mlmdkb.article;

import java.time.OffsetDateTime;
import java.util.List;

/** Shapes of articles on the wire (openapi.yaml: ArticleSummary, ArticleDetail). */
public final class ArticleDtos {

  private ArticleDtos() {}

  public record ArticleSummary(
      String slug,
      String title,
      String summary,
      List<String> authors,
      List<String> tags,
      OffsetDateTime publishedAt,
      OffsetDateTime updatedAt,
      int readingTimeMinutes) {}

  public record PaperLink(long id, String title, Integer year, String doi) {}

  public record ItemLink(String slug, String name) {}

  public record Related(List<PaperLink> papers, List<ItemLink> methods, List<ItemLink> datasets) {}

  /** {@code status} is always "published" for readers; curators also see drafts. */
  public record ArticleDetail(
      String slug,
      String title,
      String summary,
      String status,
      List<String> authors,
      List<String> tags,
      OffsetDateTime publishedAt,
      OffsetDateTime updatedAt,
      int readingTimeMinutes,
      String bodyMarkdown,
      String bodyHtml,
      Related related) {}
}
