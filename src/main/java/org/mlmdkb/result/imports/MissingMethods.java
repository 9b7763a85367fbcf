package org.mlmdkb.result.imports;

import java.sql.SQLException;
import java.util.List;

/**
 * The method collection as an import that creates missing methods uses it. The method feature
 * implements it: result/ must not import method/, whose pages embed results.
 */
public interface MissingMethods {

  /** Whether a method has this slug, live or soft-deleted (a deleted one keeps its slug). */
  boolean exists(String slug) throws SQLException;

  /**
   * Creates {@code method} through the method collection's rules and history, in the caller's
   * transaction; {@code parents} and {@code trainingDatasets} are the live ones among those it
   * names, {@code paperId} the live paper its DOI or arXiv id names, if any.
   */
  void create(
      NewMethod method,
      Long paperId,
      List<String> parents,
      List<String> trainingDatasets,
      String keyName)
      throws SQLException;

  /**
   * Gives the live method {@code supersededBy} names a "supersedes" link to {@code created},
   * checked by the method rules and recorded in its history. Returns what happened, for the import
   * report; a successor the corpus lacks, or a link the rules refuse, leaves it unlinked.
   */
  String linkSuccessor(String created, String supersededBy, String keyName) throws SQLException;
}
