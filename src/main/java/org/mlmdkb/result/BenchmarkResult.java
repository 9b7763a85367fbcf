package org.mlmdkb.result;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One reported number: value and unit as the source gave them, plus its canonical form. */
@Entity
@Table(name = "benchmark_result")
public class BenchmarkResult extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "seed_key")
  public String seedKey;

  @Column(name = "method_id")
  public Long methodId;

  @Column(name = "method_variant")
  public String methodVariant;

  @Column(name = "dataset_id")
  public Long datasetId;

  @Column(name = "subset_id")
  public Long subsetId;

  public String task;
  public String target;
  public String metric;
  public BigDecimal value;
  public String unit;

  @Column(name = "canonical_value")
  public BigDecimal canonicalValue;

  @Column(name = "canonical_unit")
  public String canonicalUnit;

  public String basis;

  @Column(name = "n_train")
  public Integer nTrain;

  public String split;
  public BigDecimal uncertainty;

  @Column(name = "n_runs")
  public Integer nRuns;

  @Column(name = "temperature_k")
  public BigDecimal temperatureK;

  @Column(name = "level_of_theory")
  public String levelOfTheory;

  public String status;

  @Column(name = "reported_on")
  public LocalDate reportedOn;

  @Column(name = "paper_id")
  public Long paperId;

  @Column(name = "source_id")
  public String sourceId;

  @Column(name = "source_repository")
  public String sourceRepository;

  @Column(name = "source_path")
  public String sourcePath;

  @Column(name = "source_commit")
  public String sourceCommit;

  @Column(name = "source_location")
  public String sourceLocation;

  @Column(name = "added_at")
  public OffsetDateTime addedAt;
}
