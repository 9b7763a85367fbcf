package org.mlmdkb.paper;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A research paper; authors, tags and links live in join tables read in batches. */
@Entity
@Table(name = "paper")
public class Paper extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "seed_key")
  public String seedKey;

  @Column(name = "entry_type")
  public String entryType;

  public String title;

  @Column(name = "abstract")
  public String abstractText;

  public Integer year;
  public String date;
  public String venue;
  public String volume;
  public String number;
  public String pages;
  public String publisher;
  public String doi;

  @Column(name = "arxiv_id")
  public String arxivId;

  public String url;

  @Column(name = "code_url")
  public String codeUrl;

  @Column(name = "added_at")
  public OffsetDateTime addedAt;

  @Column(name = "updated_at")
  public OffsetDateTime updatedAt;
}
