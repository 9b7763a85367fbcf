package org.mlmdkb.common.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Each column of a write takes the parameter of its own name. */
class ColumnStatementsTest {

  @Test
  void anInsertBindsEachColumnByItsName() {
    assertEquals(
        "INSERT INTO tag (slug, label) VALUES (:slug, :label) RETURNING id",
        ColumnStatements.insertReturningId("tag", "slug, label"));
  }

  @Test
  void anUpdateBindsEachColumnByItsNameAndTouchesUpdatedAt() {
    assertEquals(
        "UPDATE paper SET (title, year, updated_at) = (:title, :year, now()) WHERE id = :id",
        ColumnStatements.updateTouchingUpdatedAt("paper", "title, year"));
  }
}
