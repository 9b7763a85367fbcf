package org.mlmdkb.common.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Soft delete lives in the live_* views (V170): a query that hand-writes {@code deleted_at IS NULL}
 * again fails here, so a new read path cannot forget the filter and leak deleted rows.
 */
class SoftDeleteFilterGuardTest {

  private static final Path MAIN = Path.of("src/main");

  /** Any spelling PostgreSQL accepts: case and spacing do not matter. */
  private static final Pattern FILTER =
      Pattern.compile("deleted_at\\s+IS\\s+NULL", Pattern.CASE_INSENSITIVE);

  /**
   * Packages (under src/main/java/org/mlmdkb) that still filter by hand, because other branches
   * were changing them when the views came: result/ (leaderboards, result reads and writes, result
   * imports); search/ and stats/ were converted after. It is to be converted to the views and
   * removed from this list until it is empty; nothing is ever added to it.
   */
  private static final Set<String> NOT_YET_CONVERTED = Set.of("result");

  @Test
  void noSourceOutsideTheUnconvertedPackagesFiltersDeletedRowsByHand() throws IOException {
    List<String> offenders = new ArrayList<>();
    for (Path file : sources()) {
      if (isNotYetConverted(file)) {
        continue;
      }
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
  void theAllowListNamesOnlyPackagesThatStillFilterByHand() throws IOException {
    // A package converted to the views must leave NOT_YET_CONVERTED, or it could regress unseen.
    for (String pkg : NOT_YET_CONVERTED) {
      Path dir = MAIN.resolve("java/org/mlmdkb").resolve(pkg);
      boolean stillFilters = false;
      for (Path file : sources()) {
        if (file.startsWith(dir) && FILTER.matcher(Files.readString(file)).find()) {
          stillFilters = true;
          break;
        }
      }
      assertTrue(stillFilters, pkg + " no longer filters by hand: remove it from the allow-list");
    }
  }

  private static boolean isNotYetConverted(Path file) {
    Path packages = MAIN.resolve("java/org/mlmdkb");
    return file.startsWith(packages)
        && NOT_YET_CONVERTED.contains(packages.relativize(file).getName(0).toString());
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
