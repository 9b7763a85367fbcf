package org.mlmdkb.source;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An upstream source of seed data, with the licence its content is used under. */
@Entity
@Table(name = "source")
public class Source {
  @Id public String id;
  public String name;
  public String repository;

  @Column(name = "commit_sha")
  public String commitSha;

  public String licence;

  @Column(name = "licence_url")
  public String licenceUrl;

  public String url;
  public String description;
}
