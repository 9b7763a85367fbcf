package org.mlmdkb.dataset;

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

/** A dataset (rMD17, OC20 …); its subsets are {@link DatasetSubset} rows. */
@Entity
@Table(name = "dataset")
public class Dataset extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public String slug;
  public String name;

  @JdbcTypeCode(SqlTypes.ARRAY)
  public String[] aliases;

  public String description;
  public String domain;

  @Column(name = "level_of_theory")
  public String levelOfTheory;

  @Column(name = "n_structures")
  public Long nStructures;

  @Column(name = "n_materials")
  public Long nMaterials;

  @Column(name = "size_note")
  public String sizeNote;

  public String licence;
  public String url;

  @Column(name = "paper_id")
  public Long paperId;

  @Column(name = "paper_doi")
  public String paperDoi;

  @Column(name = "paper_arxiv_id")
  public String paperArxivId;

  @Column(name = "added_at")
  public OffsetDateTime addedAt;

  @Column(name = "updated_at")
  public OffsetDateTime updatedAt;

  public static Optional<Dataset> findBySlug(String slug) {
    return find("slug", slug).firstResultOptional();
  }
}
