package org.mlmdkb.search;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import org.mlmdkb.paper.PaperDtos.RelatedPaper;
import org.mlmdkb.paper.PaperFilter;
import org.mlmdkb.paper.PaperIndex;
import org.mlmdkb.search.semantic.RelatedByMeaning;

/** The paper list and related papers, answered by the index. */
@ApplicationScoped
public class LucenePaperIndex implements PaperIndex {

  private final SearchService search;
  private final RelatedPapers related;
  private final RelatedByMeaning relatedByMeaning;

  public LucenePaperIndex(
      SearchService search, RelatedPapers related, RelatedByMeaning relatedByMeaning) {
    this.search = search;
    this.related = related;
    this.relatedByMeaning = relatedByMeaning;
  }

  @Override
  public List<String> modes() {
    return SearchMode.wireNames();
  }

  @Override
  public String mode(String requested) {
    return search.searchMode(requested).wire();
  }

  @Override
  public Page list(PaperFilter filter, String mode) {
    return search.listPapers(filter, mode == null ? SearchMode.KEYWORD : SearchMode.fromWire(mode));
  }

  /** Links and text (RelatedPapers) blended with closeness in meaning (RelatedByMeaning). */
  @Override
  public List<RelatedPaper> related(long paperId, int limit) throws SQLException {
    List<RelatedPaper> byLinks =
        related.listRelated(paperId, RelatedByMeaning.candidatesFor(limit));
    return relatedByMeaning.blend(paperId, byLinks, limit);
  }
}
