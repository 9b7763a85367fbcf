package org.mlmdkb.article;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One of the site's own pages; {@code bodyHtml} is rendered from Markdown and sanitised. */
@Entity
@Table(name = "article")
public class Article extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public String slug;
  public String title;
  public String summary;

  @Column(name = "body_markdown")
  public String bodyMarkdown;

  @Column(name = "body_html")
  public String bodyHtml;

  @JdbcTypeCode(SqlTypes.ARRAY)
  public String[] authors;

  public String status;

  @Column(name = "published_at")
  public OffsetDateTime publishedAt;

  @Column(name = "updated_at")
  public OffsetDateTime updatedAt;

  @Column(name = "reading_time_minutes")
  public int readingTimeMinutes;
}
