package org.mlmdkb.common.db;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * An item's introducing paper (its {@code paper_id} column) mirrored as the item's "introduces" row
 * of the paper link table, as the seed writes them together. Table names are these constants, never
 * request text.
 */
public enum IntroducingPapers {
  DATASET("dataset", "paper_dataset", "dataset_id"),
  METHOD("method", "paper_method", "method_id");

  private final String storedPaperId;
  private final String unlink;
  private final String link;

  IntroducingPapers(String table, String linkTable, String itemColumn) {
    this.storedPaperId = "SELECT paper_id FROM " + table + " WHERE id = :id";
    this.unlink =
        "DELETE FROM "
            + linkTable
            + " WHERE paper_id = :paper_id AND "
            + itemColumn
            + " = :id AND relation = 'introduces'";
    this.link =
        "INSERT INTO "
            + linkTable
            + " (paper_id, "
            + itemColumn
            + ", relation) VALUES (:paper_id, :id, 'introduces') ON CONFLICT (paper_id, "
            + itemColumn
            + ") DO UPDATE SET relation = 'introduces'";
  }

  /** The item's paper_id; empty when the item has none or does not exist. */
  public Optional<Long> storedPaperId(Handle h, long id) {
    return h.createQuery(storedPaperId)
        .bind("id", id)
        .map((rs, ctx) -> Optional.ofNullable((Long) rs.getObject(1)))
        .findFirst()
        .flatMap(paperId -> paperId);
  }

  /**
   * Moves the "introduces" row from {@code oldPaperId} to {@code newPaperId}; a "uses" link to the
   * new paper becomes "introduces".
   */
  public void relink(Handle h, long id, Long oldPaperId, Long newPaperId) {
    if (oldPaperId != null && !oldPaperId.equals(newPaperId)) {
      h.createUpdate(unlink).bind("paper_id", oldPaperId).bind("id", id).execute();
    }
    if (newPaperId != null) {
      h.createUpdate(link).bind("paper_id", newPaperId).bind("id", id).execute();
    }
  }
}
