package org.mlmdkb.curation;

import java.sql.SQLException;

/** A collection's rules on an editable state alone: normalised, with every fault found. */
@FunctionalInterface
public interface CuratedRules<I> {

  Checked<I> check(I input) throws SQLException;
}
