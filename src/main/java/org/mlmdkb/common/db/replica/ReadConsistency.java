package org.mlmdkb.common.db.replica;

import jakarta.enterprise.context.RequestScoped;

/** Whether the current request must read from the primary (set by {@link ReadRoutingFilter}). */
@RequestScoped
public class ReadConsistency {

  private boolean primary;

  void pinToPrimary() {
    this.primary = true;
  }

  boolean primary() {
    return primary;
  }
}
