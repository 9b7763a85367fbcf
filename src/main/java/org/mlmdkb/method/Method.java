package org.mlmdkb.method;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A model or architecture (NequIP, MACE-MP-0 …); lineage lives in method_lineage. */
@Entity
@Table(name = "method")
public class Method extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public String slug;
  public String name;

  @JdbcTypeCode(SqlTypes.ARRAY)
  public String[] aliases;

  public String family;
  public String description;
  public Integer year;

  @Column(name = "paper_id")
  public Long paperId;

  @Column(name = "paper_doi")
  public String paperDoi;

  @Column(name = "paper_arxiv_id")
  public String paperArxivId;

  @Column(name = "paper_url")
  public String paperUrl;

  @Column(name = "code_url")
  public String codeUrl;

  public String licence;

  @Column(name = "parameter_count")
  public Long parameterCount;

  @Column(name = "added_at")
  public OffsetDateTime addedAt;

  @Column(name = "updated_at")
  public OffsetDateTime updatedAt;

  public static Optional<Method> findBySlug(String slug) {
    return find("slug", slug).firstResultOptional();
  }
}
