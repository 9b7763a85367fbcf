package org.mlmdkb.common.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** The {@code pg_hba.conf} of the embedded server: which logins need a password. */
final class HbaFile {

  private static final Pattern TRUST = Pattern.compile("(?<=\\s)trust(?=\\s|$)");

  private final Path file;

  HbaFile(Path dataDir) {
    this.file = dataDir.resolve("pg_hba.conf");
  }

  /** Whether some rule lets a login in without a password (earlier versions trusted everyone). */
  boolean trustsAnyone() throws IOException {
    return rules().stream().anyMatch(line -> TRUST.matcher(line).find());
  }

  /**
   * Turns every {@code trust} rule into {@code scram-sha-256}; other rules (a replica's, say) are
   * kept as they are.
   */
  void requirePasswords() throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String> rewritten =
        lines.stream()
            .map(l -> isRule(l) ? TRUST.matcher(l).replaceAll("scram-sha-256") : l)
            .toList();
    Path staging = file.resolveSibling("pg_hba.conf.new");
    Files.write(staging, rewritten, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(staging, Files.getPosixFilePermissions(file));
    Files.setOwner(staging, Files.getOwner(file));
    Files.move(staging, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private List<String> rules() throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .filter(HbaFile::isRule)
        .toList();
  }

  private static boolean isRule(String line) {
    String t = line.strip();
    return !t.isEmpty() && !t.startsWith("#");
  }
}
