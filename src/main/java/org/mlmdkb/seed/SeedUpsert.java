package org.mlmdkb.seed;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds the statement that loads one seeded row: insert it when its seed key is new, otherwise
 * bring a corrected seed value in, unless a curator has changed the item since (any entry in its
 * change history) or nothing differs (so an unchanged corpus writes nothing and fires no trigger).
 * The first column is always {@code seed_key}; {@code keptColumns} are inserted but never updated
 * (a slug is the curator's to change). Each column takes the parameter of its name ({@code
 * :seed_key}, ...).
 */
final class SeedUpsert {

  private SeedUpsert() {}

  static String sql(
      String table, String collection, List<String> keptColumns, List<String> updatedColumns) {
    List<String> columns =
        java.util.stream.Stream.of(List.of("seed_key"), keptColumns, updatedColumns)
            .flatMap(List::stream)
            .toList();
    String placeholders = columns.stream().map(c -> ":" + c).collect(Collectors.joining(", "));
    String set =
        updatedColumns.stream().map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
    String current =
        updatedColumns.stream().map(c -> table + "." + c).collect(Collectors.joining(", "));
    String incoming =
        updatedColumns.stream().map(c -> "EXCLUDED." + c).collect(Collectors.joining(", "));
    return "INSERT INTO "
        + table
        + " ("
        + String.join(", ", columns)
        + ") VALUES ("
        + placeholders
        // The predicate lets a partial unique index on seed_key decide as well as a constraint.
        + ") ON CONFLICT (seed_key) WHERE seed_key IS NOT NULL DO UPDATE SET "
        + set
        + " WHERE ("
        + current
        + ") IS DISTINCT FROM ("
        + incoming
        + ") AND NOT EXISTS (SELECT 1 FROM change_history h WHERE h.collection = '"
        + collection
        + "' AND h.item_id = "
        + table
        + ".id)";
  }
}
