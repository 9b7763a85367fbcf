package org.mlmdkb.article;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import org.mlmdkb.curation.auth.UnpublishedReaders;

/** Decides whether a read may see draft articles: the rule every unpublished read follows. */
@ApplicationScoped
public class DraftReaders {

  private final UnpublishedReaders readers;

  public DraftReaders(UnpublishedReaders readers) {
    this.readers = readers;
  }

  /** False without an Authorization header; true for a valid key; 401 for an invalid one. */
  public boolean mayReadDrafts(String authorization) throws SQLException {
    return readers.mayReadUnpublished(authorization);
  }
}
