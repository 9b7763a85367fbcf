package org.mlmdkb.paper.bibtex;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
 * Imports a bibliography in one transaction. Each entry is matched against the corpus (and the
 * entries before it) by DOI, then arXiv id, then normalised title and year; a match only fills the
 * fields the corpus lacks, never overwrites curated data. A dry run does exactly the same work and
 * rolls it back, so its report is the real one.
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
    Index index = new Index(corpus.all());
    List<ImportReport.Item> items = new ArrayList<>();
    for (BibTeXReader.Entry entry : entries) {
      items.add(importOne(entry, index, keyName, dryRun));
    }
    return ImportReport.conclude(
        ImportReport.PAPERS, "entry", "entries", items, dryRun, partial, transactions);
  }

  /** What two entries must not both create: the same normalised title and year, DOI, arXiv id. */
  private static List<String> naturalKeys(List<BibTeXReader.Entry> entries) {
    List<String> keys = new ArrayList<>();
    for (BibTeXReader.Entry e : entries) {
      if (e.paper() == null) {
        continue;
      }
      keys.add("paper-title\u0000" + Index.titleKey(e.paper().title(), e.paper().year()));
      if (e.paper().doi() != null) {
        keys.add("paper-doi\u0000" + e.paper().doi());
      }
      if (e.paper().arxivId() != null) {
        keys.add("paper-arxiv\u0000" + e.paper().arxivId());
      }
    }
    return keys;
  }

  private ImportReport.Item importOne(
      BibTeXReader.Entry entry, Index index, String keyName, boolean dryRun) throws SQLException {
    if (entry.error() != null) {
      return item(entry, "rejected", null, null, null, List.of(entry.error()));
    }
    Checked<PaperInput> checked = rules.check(entry.paper());
    PaperInput paper = checked.item();
    Parsed parsed =
        new Parsed(
            paper.title(),
            paper.authors(),
            paper.year(),
            paper.venue(),
            paper.doi(),
            paper.arxivId());
    if (!checked.errors().isEmpty()) {
      return item(
          entry,
          "rejected",
          null,
          null,
          parsed,
          checked.errors().stream().map(f -> f.name() + " " + f.message()).toList());
    }
    List<String> reasons = new ArrayList<>(entry.warnings());
    ImportRepository.Known match = null;
    if (paper.doi() != null && index.byDoi.containsKey(paper.doi())) {
      match = index.byDoi.get(paper.doi());
      if (!sameTitle(match.title(), paper.title())) {
        // One DOI on two different papers is a data error somewhere: never merge on it.
        reasons.add(
            "DOI " + paper.doi() + " belongs to paper " + match.id() + " with another title");
        return item(entry, "rejected", null, match.id(), parsed, reasons);
      }
    } else if (paper.arxivId() != null && index.byArxiv.containsKey(paper.arxivId())) {
      match = index.byArxiv.get(paper.arxivId());
    } else {
      match = index.byTitle.get(Index.titleKey(paper.title(), paper.year()));
    }
    if (match == null) {
      long id = writes.insert(paper);
      history.record(COLLECTION, id, "create", keyName, null, paper);
      index.add(
          new ImportRepository.Known(
              id, paper.doi(), paper.arxivId(), paper.title(), paper.year(), false),
          true);
      return item(entry, "created", dryRun ? null : id, null, parsed, reasons);
    }
    if (match.deleted()) {
      reasons.add("duplicate of deleted paper " + match.id());
      return item(entry, "skipped", null, match.id(), parsed, reasons);
    }
    // A duplicate of an earlier entry of this import is merged into it here, as one of the corpus
    // is: otherwise a second import of the same file would fill those fields then.
    boolean earlierEntry = index.createdHere.contains(match.id());
    Long shownId = earlierEntry && dryRun ? null : match.id();
    PaperInput before = writes.editableState(match.id()).orElseThrow();
    PaperInput merged = fillGaps(before, paper, index, match.id());
    if (merged.equals(before)) {
      reasons.add(
          earlierEntry
              ? "duplicate of an earlier entry of this import"
              : "duplicate of paper " + match.id());
      return item(entry, "skipped", null, shownId, parsed, reasons);
    }
    writes.update(match.id(), merged);
    history.record(COLLECTION, match.id(), "update", keyName, before, merged);
    index.add(
        new ImportRepository.Known(
            match.id(), merged.doi(), merged.arxivId(), merged.title(), merged.year(), false),
        false);
    reasons.add(
        earlierEntry
            ? "filled missing fields of the paper an earlier entry of this import created"
            : "filled missing fields of paper " + match.id());
    return item(entry, "updated", shownId, shownId, parsed, reasons);
  }

  /** The corpus wins; the import only supplies what the corpus lacks. */
  private static PaperInput fillGaps(PaperInput has, PaperInput in, Index index, long id) {
    String doi = has.doi() != null || !index.freeDoi(in.doi(), id) ? has.doi() : in.doi();
    String arxiv =
        has.arxivId() != null || !index.freeArxiv(in.arxivId(), id) ? has.arxivId() : in.arxivId();
    return new PaperInput(
        has.entryType(),
        has.title(),
        has.abstractText(),
        has.year() != null ? has.year() : in.year(),
        has.date() != null ? has.date() : (has.year() == null ? in.date() : null),
        or(has.venue(), in.venue()),
        or(has.volume(), in.volume()),
        or(has.number(), in.number()),
        or(has.pages(), in.pages()),
        or(has.publisher(), in.publisher()),
        doi,
        arxiv,
        or(has.url(), in.url()),
        has.codeUrl(),
        has.authors().isEmpty() ? in.authors() : has.authors(),
        has.tags());
  }

  private static String or(String has, String in) {
    return has != null ? has : in;
  }

  /** Same normalised title, or at least 60% of the words in common (subtitles, typos). */
  static boolean sameTitle(String a, String b) {
    String ka = Identifiers.titleKey(a);
    String kb = Identifiers.titleKey(b);
    if (ka.equals(kb)) {
      return true;
    }
    Set<String> wa = new HashSet<>(Arrays.asList(ka.split(" ")));
    Set<String> wb = new HashSet<>(Arrays.asList(kb.split(" ")));
    Set<String> common = new HashSet<>(wa);
    common.retainAll(wb);
    Set<String> all = new HashSet<>(wa);
    all.addAll(wb);
    return !all.isEmpty() && common.size() >= 0.6 * all.size();
  }

  private static ImportReport.Item item(
      BibTeXReader.Entry entry,
      String status,
      Long paperId,
      Long duplicateOf,
      Parsed parsed,
      List<String> reasons) {
    return new ImportReport.Item(
        entry.index(),
        entry.key(),
        status,
        paperId,
        null,
        duplicateOf,
        parsed,
        List.copyOf(reasons));
  }

  /** Look-ups by identifier and by normalised title + year, kept current as entries land. */
  private static final class Index {
    final Map<String, ImportRepository.Known> byDoi = new HashMap<>();
    final Map<String, ImportRepository.Known> byArxiv = new HashMap<>();
    final Map<String, ImportRepository.Known> byTitle = new HashMap<>();
    final Set<Long> createdHere = new HashSet<>();

    Index(List<ImportRepository.Known> known) {
      known.forEach(k -> add(k, false));
    }

    void add(ImportRepository.Known k, boolean created) {
      if (k.doi() != null) {
        byDoi.put(k.doi(), k);
      }
      if (k.arxivId() != null) {
        byArxiv.put(k.arxivId(), k);
      }
      // The first paper of a title and year stays the match, unless a live one comes after a
      // deleted one: an entry should merge into what readers see, not be refused over a ghost.
      byTitle.merge(
          titleKey(k.title(), k.year()),
          k,
          (old, neu) -> old.deleted() && !neu.deleted() ? neu : old);
      if (created) {
        createdHere.add(k.id());
      }
    }

    boolean freeDoi(String doi, long id) {
      return doi != null && (!byDoi.containsKey(doi) || byDoi.get(doi).id() == id);
    }

    boolean freeArxiv(String arxiv, long id) {
      return arxiv != null && (!byArxiv.containsKey(arxiv) || byArxiv.get(arxiv).id() == id);
    }

    static String titleKey(String title, Integer year) {
      return Identifiers.titleKey(title) + "|" + year;
    }
  }
}
