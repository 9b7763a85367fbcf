package org.mlmdkb.article;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import org.mlmdkb.article.ArticleDtos.ArticleDetail;
import org.mlmdkb.article.ArticleDtos.ArticleSummary;
import org.mlmdkb.article.ArticleDtos.Related;
import org.mlmdkb.article.ArticleRepository.LinkKind;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.paging.Cursor;
import org.mlmdkb.common.paging.Page;

/** Published articles; a draft is indistinguishable from a missing article (404). */
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
    List<String> after = cursor == null ? null : Cursor.decode(cursor, sortTag, 2);
    List<ArticleRepository.Row> rows = articles.listPublished(tag, newestFirst, after, limit + 1);
    String next = null;
    if (rows.size() > limit) {
      rows = rows.subList(0, limit);
      ArticleRepository.Row last = rows.get(limit - 1);
      next =
          Cursor.encode(sortTag, last.summary().publishedAt().toString(), Long.toString(last.id()));
    }
    return new Page<>(
        rows.stream().map(ArticleRepository.Row::summary).toList(),
        next,
        articles.countPublished(tag));
  }

  public ArticleDetail get(String slug) throws SQLException {
    ArticleRepository.Row row =
        articles
            .findPublished(slug)
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
