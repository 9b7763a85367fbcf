package org.mlmdkb.source;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The upstream sources of the corpus. */
@ApplicationScoped
public class SourceRepository implements PanacheRepositoryBase<Source, String> {

  public List<Source> listById() {
    return listAll(Sort.by("id"));
  }
}
