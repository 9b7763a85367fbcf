package org.mlmdkb.dataset;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A subset or system of a dataset (an rMD17 molecule, a 3BPA temperature, a WBM subset). */
@Entity
@Table(name = "dataset_subset")
public class DatasetSubset extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "dataset_id")
  public Long datasetId;

  public String slug;
  public String name;
  public String description;

  @Column(name = "level_of_theory")
  public String levelOfTheory;

  @Column(name = "temperature_k")
  public BigDecimal temperatureK;

  @Column(name = "n_structures")
  public Long nStructures;
}
