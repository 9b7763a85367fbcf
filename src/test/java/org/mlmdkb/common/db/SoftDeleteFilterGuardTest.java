package org.mlmdkb.common.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Soft delete lives in the live_* views (V170): a query that hand-writes {@code deleted_at IS NULL}
 * again fails here, so a new read path cannot forget the filter and leak deleted rows. Boards as of
 * a date read live_benchmark_result_as_of (V172), or for one board live_benchmark_board_as_of
 * (V187). No package is exempt.
 */
class SoftDeleteFilterGuardTest {

  private static final Path MAIN = Path.of("src/main");

  /** Any spelling PostgreSQL accepts: case and spacing do not matter. */
  private static final Pattern FILTER =
      Pattern.compile("deleted_at\\s+IS\\s+NULL", Pattern.CASE_INSENSITIVE);

  @Test
  void noSourceFiltersDeletedRowsByHand() throws IOException {
    List<String> offenders = new ArrayList<>();
    for (Path file : sources()) {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        if (FILTER.matcher(lines.get(i)).find()) {
          offenders.add(MAIN.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
        }
      }
    }
    assertEquals(
        List.of(),
        offenders,
        "read live rows from the live_* views (V170) instead of filtering deleted_at IS NULL");
  }

  @Test
  void theGuardCatchesEverySpellingOfTheFilter() {
    for (String filter :
        List.of(
            "WHERE r.deleted_at IS NULL",
            "where deleted_at is null",
            "AND d.deleted_at\n  IS  NULL")) {
      assertTrue(FILTER.matcher(filter).find(), filter);
    }
    assertFalse(FILTER.matcher("WHERE r.deleted_at IS NOT NULL").find());
  }

  /** Every text file under src/main: Java sources and resources (SQL, properties) alike. */
  private static List<Path> sources() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> f.toString().matches(".*\\.(java|sql|properties|json|yaml|yml|txt)$"))
          .sorted()
          .toList();
    }
  }
}
