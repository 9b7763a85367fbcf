package org.mlmdkb.common.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the PostgreSQL programs of one unpacked binaries directory, as 'nobody' when the service
 * runs as root (PostgreSQL refuses root), and hands files over to that user.
 */
final class PgTools {

  static final String UNPRIVILEGED_USER = "nobody";
  private static final String UNPRIVILEGED_GROUP = "nogroup";

  private final Path binaries;
  private final boolean runAsRoot;

  PgTools(Path binaries) {
    this.binaries = binaries;
    this.runAsRoot = isRoot();
  }

  boolean runsAsRoot() {
    return runAsRoot;
  }

  /** A command line for {@code bin/<program>}, wrapped in setpriv when running as root. */
  List<String> command(String program, String... args) {
    List<String> command = new ArrayList<>();
    if (runAsRoot) {
      command.addAll(
          List.of(
              "setpriv",
              "--reuid=" + UNPRIVILEGED_USER,
              "--regid=" + UNPRIVILEGED_GROUP,
              "--clear-groups"));
    }
    command.add(binaries.resolve("bin").resolve(program).toString());
    command.addAll(List.of(args));
    return command;
  }

  /** Runs {@code program} to completion; a non-zero exit fails with its output. */
  void run(String what, String program, String... args) throws IOException {
    Process process =
        new ProcessBuilder(command(program, args))
            .redirectErrorStream(true)
            .directory(Path.of("/").toFile())
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(what + " failed: " + output.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(what + " was interrupted", e);
    }
  }

  /** Creates {@code dir} and checks that the user running PostgreSQL can reach it. */
  void createReachableDirectories(Path dir) throws IOException {
    Files.createDirectories(dir);
    if (!runAsRoot) {
      return;
    }
    // The unprivileged user must traverse every parent of the data and binaries directories,
    // which rules out anything under /root (mode 700).
    for (Path p = dir; p != null; p = p.getParent()) {
      String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
      if (mode.charAt(8) != 'x') {
        throw new IllegalStateException(
            p
                + " is not reachable by the user '"
                + UNPRIVILEGED_USER
                + "' that runs PostgreSQL when the service runs as root; choose a directory"
                + " outside it (see kb.embedded-db.* in the README)");
      }
    }
  }

  /** Gives {@code path} to the user that runs PostgreSQL (a no-op unless running as root). */
  void handOver(Path path) throws IOException {
    if (!runAsRoot) {
      return;
    }
    UserPrincipalLookupService lookup = path.getFileSystem().getUserPrincipalLookupService();
    UserPrincipal user = lookup.lookupPrincipalByName(UNPRIVILEGED_USER);
    GroupPrincipal group = lookup.lookupPrincipalByGroupName(UNPRIVILEGED_GROUP);
    Files.setOwner(path, user);
    Files.getFileAttributeView(path, PosixFileAttributeView.class).setGroup(group);
  }

  private static boolean isRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }
}
