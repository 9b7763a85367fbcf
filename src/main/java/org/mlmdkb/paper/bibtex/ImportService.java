package org.mlmdkb.paper.bibtex;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mlmdkb.common.db.RetriesTransientFailures;
import org.mlmdkb.curation.Checked;
import org.mlmdkb.curation.HistoryRepository;
import org.mlmdkb.curation.Identifiers;
import org.mlmdkb.curation.ImportBodies;
import org.mlmdkb.curation.ImportLocks;
import org.mlmdkb.curation.ImportReport;
import org.mlmdkb.paper.PaperInput;
import org.mlmdkb.paper.PaperRules;
import org.mlmdkb.paper.PaperWriteRepository;

/**
 * Imports a bibliography in one transaction, in a fixed number of statements whatever its size: the
 * papers its entries may duplicate are read at once, {@link ImportPlan} decides every entry in
 * memory in entry order, and what they create and fill is written in bulk. A dry run does exactly
 * the same work and rolls it back, so its report is the real one.
 */
@ApplicationScoped
@Transactional
@RetriesTransientFailures
// A bibliography near kb.import.max-bytes holds thousands of entries: more than the default 60 s.
@TransactionConfiguration(timeout = 300)
public class ImportService {

  static final String COLLECTION = "papers";

  public record Parsed(
      String title, List<String> authors, Integer year, String venue, String doi, String arxivId) {}

  private final ImportRepository corpus;
  private final PaperWriteRepository writes;
  private final PaperRules rules;
  private final HistoryRepository history;
  private final TransactionManager transactions;
  private final ImportLocks locks;

  public ImportService(
      ImportRepository corpus,
      PaperWriteRepository writes,
      PaperRules rules,
      HistoryRepository history,
      TransactionManager transactions,
      ImportLocks locks) {
    this.locks = locks;
    this.corpus = corpus;
    this.writes = writes;
    this.rules = rules;
    this.history = history;
    this.transactions = transactions;
  }

  public ImportReport importBibtex(String text, boolean dryRun, boolean partial, String keyName)
      throws SQLException, SystemException {
    List<BibTeXReader.Entry> entries = new BibTeXReader().read(text);
    if (entries.isEmpty()) {
      throw ImportBodies.noEntries(
          "The body holds no BibTeX entries", "holds no @type{key, …} entry");
    }
    // Locked before the corpus is read: an identical import running at once commits first, and
    // this one then finds its papers and skips them instead of creating them a second time.
    locks.lockAll(naturalKeys(entries));
    List<Checked<PaperInput>> checked = new ArrayList<>();
    for (BibTeXReader.Entry entry : entries) {
      checked.add(entry.error() == null ? rules.check(entry.paper()) : null);
    }
    ImportPlan plan = plan(valid(checked), dryRun);
    for (int i = 0; i < entries.size(); i++) {
      plan.decide(entries.get(i), checked.get(i));
    }
    ImportPlan.Resolved outcome = plan.resolve(writes.reserveIds(plan.createdCount()));
    writes.writeAll(outcome.papers());
    history.recordAll(COLLECTION, keyName, outcome.changes());
    return ImportReport.conclude(
        ImportReport.PAPERS, "entry", "entries", outcome.items(), dryRun, partial, transactions);
  }

  /** What two entries must not both create: the same normalised title and year, DOI, arXiv id. */
  private static List<String> naturalKeys(List<BibTeXReader.Entry> entries) {
    List<String> keys = new ArrayList<>();
    for (BibTeXReader.Entry e : entries) {
      if (e.paper() == null) {
        continue;
      }
      keys.add("paper-title\u0000" + ImportPlan.titleKey(e.paper().title(), e.paper().year()));
      if (e.paper().doi() != null) {
        keys.add("paper-doi\u0000" + e.paper().doi());
      }
      if (e.paper().arxivId() != null) {
        keys.add("paper-arxiv\u0000" + e.paper().arxivId());
      }
    }
    return keys;
  }

  private static List<PaperInput> valid(List<Checked<PaperInput>> checked) {
    return checked.stream()
        .filter(c -> c != null && c.errors().isEmpty())
        .map(Checked::item)
        .toList();
  }

  /**
   * A plan knowing every paper these entries can match: those holding one of their DOIs or arXiv
   * ids or having one of their titles and years (the look-up by title match key returns a superset,
   * narrowed here to the exact keys), with the editable states of the live ones.
   */
  private ImportPlan plan(List<PaperInput> papers, boolean dryRun) throws SQLException {
    Set<String> dois = new HashSet<>();
    Set<String> arxivIds = new HashSet<>();
    Set<String> titleKeys = new HashSet<>();
    Set<String> titleMatchKeys = new HashSet<>();
    for (PaperInput p : papers) {
      if (p.doi() != null) {
        dois.add(p.doi());
      }
      if (p.arxivId() != null) {
        arxivIds.add(p.arxivId());
      }
      titleKeys.add(ImportPlan.titleKey(p.title(), p.year()));
      titleMatchKeys.add(ImportRepository.titleMatchKey(Identifiers.titleKey(p.title())));
    }
    List<ImportRepository.Known> candidates =
        corpus.matching(dois, arxivIds, titleMatchKeys).stream()
            .filter(
                k ->
                    dois.contains(k.doi())
                        || arxivIds.contains(k.arxivId())
                        || titleKeys.contains(ImportPlan.titleKey(k.title(), k.year())))
            .toList();
    Map<Long, PaperInput> states =
        writes.editableStates(
            candidates.stream().filter(k -> !k.deleted()).map(ImportRepository.Known::id).toList());
    return new ImportPlan(candidates, states, dryRun);
  }
}
