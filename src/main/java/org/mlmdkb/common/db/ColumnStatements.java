package org.mlmdkb.common.db;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * INSERT and UPDATE statements over a fixed column list (a constant of the calling repository),
 * each column bound by a parameter of its own name, so the write repositories spell their columns
 * once.
 */
public final class ColumnStatements {

  private ColumnStatements() {}

  /** {@code INSERT INTO table (a, b) VALUES (:a, :b) RETURNING id}. */
  public static String insertReturningId(String table, String columns) {
    return "INSERT INTO "
        + table
        + " ("
        + columns
        + ") VALUES ("
        + parameters(columns)
        + ")"
        + " RETURNING id";
  }

  /** {@code UPDATE table SET (a, b, updated_at) = (:a, :b, now()) WHERE id = :id}. */
  public static String updateTouchingUpdatedAt(String table, String columns) {
    return "UPDATE "
        + table
        + " SET ("
        + columns
        + ", updated_at) = ("
        + parameters(columns)
        + ", now()) WHERE id = :id";
  }

  /** {@code ":a, :b"} for {@code "a, b"}. */
  static String parameters(String columns) {
    return Arrays.stream(columns.split(","))
        .map(c -> ":" + c.strip())
        .collect(Collectors.joining(", "));
  }
}
