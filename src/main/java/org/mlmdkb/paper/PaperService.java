package org.mlmdkb.paper;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mlmdkb.common.db.replica.ReadSnapshot;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.paging.Page;
import org.mlmdkb.paper.PaperDtos.PaperDetail;
import org.mlmdkb.paper.PaperDtos.PaperSummary;
import org.mlmdkb.paper.PaperDtos.RelatedList;
import org.mlmdkb.paper.PaperRepository.Row;
import org.mlmdkb.result.ResultRepository;

/** Lists papers and resolves paper references (internal id, {@code doi:…}, {@code arxiv:…}). */
@ApplicationScoped
public class PaperService {

  private static final Pattern DOI = Pattern.compile("^10\\.\\d{4,9}/\\S+$");
  private static final Pattern PREFIX_SLASH_SUFFIX = Pattern.compile("^[^/\\s]+/\\S+$");
  private static final Pattern ARXIV =
      Pattern.compile("^(\\d{4}\\.\\d{4,5}|[a-z-]+(\\.[A-Z]{2})?/\\d{7})(v\\d+)?$");

  private final PaperRepository papers;
  private final ReadSnapshot snapshot;
  private final ResultRepository results;
  private final PaperIndex index;

  public PaperService(
      PaperRepository papers, ResultRepository results, PaperIndex index, ReadSnapshot snapshot) {
    this.snapshot = snapshot;
    this.papers = papers;
    this.results = results;
    this.index = index;
  }

  public RelatedList related(String ref, int limit) throws SQLException {
    Row r = find(ref).orElseThrow(() -> ApiException.notFound("Paper '" + ref + "'"));
    return new RelatedList(index.related(r.id(), limit));
  }

  /** The live paper {@code ref} names, if any; empty for a malformed ref too. */
  public Optional<Long> findId(String ref) throws SQLException {
    try {
      return find(ref).map(Row::id);
    } catch (ApiException malformed) {
      return Optional.empty();
    }
  }

  /** The wire names of the modes {@code q} may rank in. */
  public List<String> searchModes() {
    return index.modes();
  }

  /**
   * The mode {@code q} runs in, as a wire name: {@code requested} (a wire name) or the default; 503
   * if unable.
   */
  public String searchMode(String requested) {
    return index.mode(requested);
  }

  /**
   * Papers under {@code filter}, its {@code q} (if any) ranked in {@code mode} (a wire name, null
   * without q). The index chooses the page (ids, exact total, next cursor) and PostgreSQL supplies
   * the rows; a paper deleted in between is left out of the page (the total and cursor stay the
   * index's).
   */
  public Page<PaperSummary> list(PaperFilter filter, String mode) throws SQLException {
    PaperIndex.Page page = index.list(filter, mode);
    List<PaperSummary> items =
        papers.listByIds(page.ids()).stream()
            .map(
                l ->
                    new PaperSummary(
                        l.row().id(),
                        l.row().title(),
                        l.row().year(),
                        l.row().date(),
                        l.row().venue(),
                        l.row().entryType(),
                        l.row().doi(),
                        l.row().arxivId(),
                        l.row().url(),
                        l.row().codeUrl(),
                        l.authors(),
                        l.tags(),
                        l.row().addedAt()))
            .toList();
    return new Page<>(items, page.nextCursor(), page.total());
  }

  /** The paper and everything around it, read in one snapshot. */
  public PaperDetail get(String ref) throws SQLException {
    return snapshot.read(() -> load(ref, true));
  }

  /**
   * A paper in the transaction that has just created it: no result can link to it before that
   * commits, so its results are left unread (its other lists come with its row, empty).
   */
  public PaperDetail getCreated(long id) throws SQLException {
    return snapshot.read(() -> load(Long.toString(id), false));
  }

  private PaperDetail load(String ref, boolean linked) throws SQLException {
    Optional<PaperRepository.Key> key = key(ref);
    PaperRepository.Detail d =
        (key.isEmpty() ? Optional.<PaperRepository.Detail>empty() : papers.findDetail(key.get()))
            .orElseThrow(() -> ApiException.notFound("Paper '" + ref + "'"));
    Row r = d.row();
    return new PaperDetail(
        r.id(),
        r.title(),
        r.abstractText(),
        r.year(),
        r.date(),
        r.venue(),
        r.volume(),
        r.number(),
        r.pages(),
        r.publisher(),
        r.entryType(),
        r.doi(),
        r.arxivId(),
        r.url(),
        r.codeUrl(),
        d.authors(),
        d.tags(),
        d.methods(),
        d.datasets(),
        linked ? results.listByPaper(r.id()) : List.of(),
        d.sources(),
        r.addedAt(),
        r.updatedAt());
  }

  private Optional<Row> find(String ref) throws SQLException {
    Optional<PaperRepository.Key> key = key(ref);
    return key.isEmpty() ? Optional.empty() : papers.find(key.get());
  }

  /**
   * {@code 123}, {@code doi:10.1103/…} (any case, optional doi.org prefix) or {@code
   * arxiv:2101.03164v2}.
   */
  private static Optional<PaperRepository.Key> key(String ref) {
    String lower = ref.strip().toLowerCase(Locale.ROOT);
    if (lower.startsWith("doi:")) {
      String doi = lower.substring(4).replaceFirst("^https?://(dx\\.)?doi\\.org/", "");
      if (!DOI.matcher(doi).matches()) {
        // A prefix/suffix pair is what the contract's doi:{doi_prefix}/{doi_suffix} form takes:
        // one whose prefix is no DOI registrant (10.xxxx) names no paper, so 404; anything
        // without that shape is malformed, 400.
        if (PREFIX_SLASH_SUFFIX.matcher(doi).matches()) {
          return Optional.empty();
        }
        throw ApiException.badPathParameter("ref", "is not a valid DOI: '" + shortRef(ref) + "'");
      }
      return Optional.of(PaperRepository.Key.doi(doi));
    }
    if (lower.startsWith("arxiv:")) {
      String arxiv = ref.strip().substring(6);
      if (!ARXIV.matcher(arxiv).matches()) {
        throw ApiException.badPathParameter(
            "ref", "is not a valid arXiv id: '" + shortRef(ref) + "'");
      }
      return Optional.of(PaperRepository.Key.arxivId(arxiv.replaceFirst("v\\d+$", "")));
    }
    if (lower.matches("\\d{1,18}")) {
      return Optional.of(PaperRepository.Key.id(Long.parseLong(lower)));
    }
    throw ApiException.badPathParameter(
        "ref", "must be a numeric id, doi:<DOI> or arxiv:<id>, was '" + shortRef(ref) + "'");
  }

  private static String shortRef(String ref) {
    return ref.length() <= 60 ? ref : ref.substring(0, 60) + "…";
  }
}
