package org.mlmdkb.paper.bibtex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mlmdkb.curation.Checked;
import org.mlmdkb.curation.HistoryRepository.Change;
import org.mlmdkb.curation.Identifiers;
import org.mlmdkb.curation.ImportReport;
import org.mlmdkb.paper.PaperInput;
import org.mlmdkb.paper.PaperWriteRepository.Written;
import org.mlmdkb.paper.bibtex.ImportRepository.Known;

/**
 * The decisions of one import, made in memory in entry order. Each entry is matched against the
 * papers it may duplicate (read beforehand, with their editable states) and against the entries
 * before it, by DOI, then arXiv id, then normalised title and year; a match only fills the fields
 * the corpus lacks, never overwrites curated data. What the entries create and fill is collected,
 * to be written in bulk afterwards. A paper the import creates has a placeholder id (below zero)
 * until {@link #resolve} is given the real ones.
 */
final class ImportPlan {

  /** What the plan decided for one entry; {@code doiHeldBy} names the paper a DOI belongs to. */
  private record Decision(
      BibTeXReader.Entry entry,
      String status,
      Long paperId,
      Long duplicateOf,
      ImportService.Parsed parsed,
      List<String> reasons,
      String conflictingDoi) {}

  /** The report's items, the papers to write and the history to record, with real ids. */
  record Resolved(List<ImportReport.Item> items, List<Written> papers, List<Change> changes) {}

  private final Index index;
  private final boolean dryRun;
  // The current editable state of every paper an entry may merge into: the live candidates as
  // read, then the papers of this import as it creates and fills them.
  private final Map<Long, PaperInput> states;
  private final List<Decision> decisions = new ArrayList<>();
  private final Map<Long, PaperInput> created = new LinkedHashMap<>();
  private final Map<Long, PaperInput> filled = new LinkedHashMap<>();
  // The entry whose write gave a paper its final authors: a new author is stored as spelled by
  // the first write that names it, so the bulk write links authors in this order.
  private final Map<Long, Integer> authorsSetBy = new HashMap<>();
  private final List<Change> changes = new ArrayList<>();

  ImportPlan(List<Known> candidates, Map<Long, PaperInput> states, boolean dryRun) {
    this.index = new Index(candidates);
    this.states = new HashMap<>(states);
    this.dryRun = dryRun;
  }

  /** The entry's match key: normalised title and year. */
  static String titleKey(String title, Integer year) {
    return Identifiers.titleKey(title) + "|" + year;
  }

  /** Decides the next entry; {@code checked} is null for an entry that could not be read. */
  void decide(BibTeXReader.Entry entry, Checked<PaperInput> checked) {
    decisions.add(decision(entry, checked));
  }

  int createdCount() {
    return created.size();
  }

  /** The outcome under the real ids of the created papers, in creation order. */
  Resolved resolve(List<Long> createdIds) {
    if (createdIds.size() != created.size()) {
      throw new IllegalArgumentException(
          created.size() + " papers created, " + createdIds.size() + " ids given");
    }
    List<ImportReport.Item> items = new ArrayList<>();
    for (Decision d : decisions) {
      List<String> reasons = new ArrayList<>(d.reasons());
      if (d.conflictingDoi() != null) {
        // One DOI on two different papers is a data error somewhere: never merge on it.
        reasons.add(
            "DOI "
                + d.conflictingDoi()
                + " belongs to paper "
                + real(d.duplicateOf(), createdIds)
                + " with another title");
      }
      items.add(
          new ImportReport.Item(
              d.entry().index(),
              d.entry().key(),
              d.status(),
              real(d.paperId(), createdIds),
              null,
              real(d.duplicateOf(), createdIds),
              d.parsed(),
              List.copyOf(reasons)));
    }
    List<Map.Entry<Long, Boolean>> written = new ArrayList<>();
    created.keySet().forEach(id -> written.add(Map.entry(id, true)));
    filled.keySet().forEach(id -> written.add(Map.entry(id, false)));
    written.sort(Comparator.comparingInt(w -> authorsSetBy.get(w.getKey())));
    List<Written> papers =
        written.stream()
            .map(
                w ->
                    new Written(real(w.getKey(), createdIds), states.get(w.getKey()), w.getValue()))
            .toList();
    List<Change> history =
        changes.stream()
            .map(c -> new Change(real(c.itemId(), createdIds), c.action(), c.before(), c.after()))
            .toList();
    return new Resolved(items, papers, history);
  }

  private static Long real(Long id, List<Long> createdIds) {
    return id == null || id >= 0 ? id : createdIds.get((int) (-id - 1));
  }

  private Decision decision(BibTeXReader.Entry entry, Checked<PaperInput> checked) {
    if (entry.error() != null) {
      return decided(entry, "rejected", null, null, null, List.of(entry.error()));
    }
    PaperInput paper = checked.item();
    ImportService.Parsed parsed =
        new ImportService.Parsed(
            paper.title(),
            paper.authors(),
            paper.year(),
            paper.venue(),
            paper.doi(),
            paper.arxivId());
    if (!checked.errors().isEmpty()) {
      return decided(
          entry,
          "rejected",
          null,
          null,
          parsed,
          checked.errors().stream().map(f -> f.name() + " " + f.message()).toList());
    }
    List<String> reasons = new ArrayList<>(entry.warnings());
    Known match;
    if (paper.doi() != null && index.byDoi.containsKey(paper.doi())) {
      match = index.byDoi.get(paper.doi());
      if (!sameTitle(match.title(), paper.title())) {
        return new Decision(entry, "rejected", null, match.id(), parsed, reasons, paper.doi());
      }
    } else if (paper.arxivId() != null && index.byArxiv.containsKey(paper.arxivId())) {
      match = index.byArxiv.get(paper.arxivId());
    } else {
      match = index.byTitle.get(titleKey(paper.title(), paper.year()));
    }
    int position = decisions.size();
    if (match == null) {
      long id = -(created.size() + 1L);
      created.put(id, paper);
      states.put(id, paper);
      authorsSetBy.put(id, position);
      changes.add(new Change(id, "create", null, paper));
      index.add(
          new Known(id, paper.doi(), paper.arxivId(), paper.title(), paper.year(), false), true);
      return decided(entry, "created", dryRun ? null : id, null, parsed, reasons);
    }
    if (match.deleted()) {
      reasons.add("duplicate of deleted paper " + match.id());
      return decided(entry, "skipped", null, match.id(), parsed, reasons);
    }
    // A duplicate of an earlier entry of this import is merged into it here, as one of the corpus
    // is: otherwise a second import of the same file would fill those fields then.
    boolean earlierEntry = index.createdHere.contains(match.id());
    Long shownId = earlierEntry && dryRun ? null : match.id();
    PaperInput before = states.get(match.id());
    if (before == null) {
      throw new IllegalStateException("no editable state read for paper " + match.id());
    }
    PaperInput merged = fillGaps(before, paper, index, match.id());
    if (merged.equals(before)) {
      reasons.add(
          earlierEntry
              ? "duplicate of an earlier entry of this import"
              : "duplicate of paper " + match.id());
      return decided(entry, "skipped", null, shownId, parsed, reasons);
    }
    states.put(match.id(), merged);
    (earlierEntry ? created : filled).put(match.id(), merged);
    if (!merged.authors().equals(before.authors())) {
      authorsSetBy.put(match.id(), position);
    } else {
      authorsSetBy.putIfAbsent(match.id(), position);
    }
    changes.add(new Change(match.id(), "update", before, merged));
    index.add(
        new Known(match.id(), merged.doi(), merged.arxivId(), merged.title(), merged.year(), false),
        false);
    reasons.add(
        earlierEntry
            ? "filled missing fields of the paper an earlier entry of this import created"
            : "filled missing fields of paper " + match.id());
    return decided(entry, "updated", shownId, shownId, parsed, reasons);
  }

  private static Decision decided(
      BibTeXReader.Entry entry,
      String status,
      Long paperId,
      Long duplicateOf,
      ImportService.Parsed parsed,
      List<String> reasons) {
    return new Decision(entry, status, paperId, duplicateOf, parsed, reasons, null);
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

  /** Look-ups by identifier and by normalised title + year, kept current as entries land. */
  private static final class Index {
    final Map<String, Known> byDoi = new HashMap<>();
    final Map<String, Known> byArxiv = new HashMap<>();
    final Map<String, Known> byTitle = new HashMap<>();
    final Set<Long> createdHere = new HashSet<>();

    Index(List<Known> known) {
      known.forEach(k -> add(k, false));
    }

    void add(Known k, boolean created) {
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
  }
}
