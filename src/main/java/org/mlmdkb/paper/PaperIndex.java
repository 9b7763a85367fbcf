package org.mlmdkb.paper;

import java.sql.SQLException;
import java.util.List;
import org.mlmdkb.paper.PaperDtos.RelatedPaper;

/**
 * The search index as the paper list and related papers use it. The search feature implements it:
 * paper/ must not import search/, which reads paper filters, sorts and author names.
 */
public interface PaperIndex {

  /** One page: the ids in order, the exact number of papers listed, the next page's cursor. */
  record Page(List<Long> ids, long total, String nextCursor) {}

  /** The wire names of the modes a q can rank in ({@code keyword}, …), in documented order. */
  List<String> modes();

  /**
   * The mode a q runs in: {@code requested} (one of {@link #modes()}) or the default when null; 503
   * if the index cannot rank that way now.
   */
  String mode(String requested);

  /**
   * A page of the papers under {@code filter} and, with its q, those q matches in {@code mode} (a
   * wire name from {@link #mode}; null when the filter has no q), ranked as on /search.
   */
  Page list(PaperFilter filter, String mode);

  /** At most {@code limit} papers related to the live paper {@code paperId}, closest first. */
  List<RelatedPaper> related(long paperId, int limit) throws SQLException;
}
