package org.mlmdkb.tag;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A topic of the site's small taxonomy. */
@Entity
@Table(name = "tag")
public class Tag extends PanacheEntityBase {
  @Id public String slug;
  public String label;

  @Column(name = "parent_slug")
  public String parentSlug;
}
