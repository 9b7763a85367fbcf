package org.mlmdkb.article;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import org.mlmdkb.article.ArticleDtos.ArticleDetail;
import org.mlmdkb.article.ArticleDtos.ArticleSummary;
import org.mlmdkb.article.ArticleDtos.Related;
import org.mlmdkb.article.ArticleRepository.LinkKind;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.paging.Keyset;
import org.mlmdkb.common.paging.Page;

/**
 * Published articles; to readers a draft is indistinguishable from a missing article (404), while
 * curators read drafts too so they can edit them.
 */
@ApplicationScoped
public class ArticleService {

  private final ArticleRepository articles;

  public ArticleService(ArticleRepository articles) {
    this.articles = articles;
  }

  public Page<ArticleSummary> list(String tag, String sort, int limit, String cursor)
      throws SQLException {
    boolean newestFirst = !"published_at".equals(sort);
    String sortTag = newestFirst ? "-published_at" : "published_at";
    Keyset.Trimmed<ArticleRepository.Row> page =
        Keyset.trim(
            articles.listPublished(tag, newestFirst, Keyset.after(cursor, sortTag, 2), limit + 1),
            limit,
            sortTag,
            r -> List.of(r.summary().publishedAt().toString(), Long.toString(r.id())));
    return new Page<>(
        page.rows().stream().map(ArticleRepository.Row::summary).toList(),
        page.nextCursor(),
        articles.countPublished(tag));
  }

  public ArticleDetail get(String slug, boolean includeDrafts) throws SQLException {
    ArticleRepository.Row row =
        articles
            .find(slug, includeDrafts)
            .orElseThrow(() -> ApiException.notFound("Article '" + slug + "'"));
    ArticleSummary a = row.summary();
    Related related =
        new Related(
            articles.papers(row.id()),
            articles.links(row.id(), LinkKind.METHOD),
            articles.links(row.id(), LinkKind.DATASET));
    return new ArticleDetail(
        a.slug(),
        a.title(),
        a.summary(),
        row.status(),
        a.authors(),
        a.tags(),
        a.publishedAt(),
        a.updatedAt(),
        a.readingTimeMinutes(),
        row.bodyMarkdown(),
        row.bodyHtml(),
        related);
  }
}
