package org.mlmdkb.paper.citation;

import java.util.List;
import org.mlmdkb.paper.PaperRepository;

/**
 * One paper as every export format needs it: its row as the paper pages read it, and its authors'
 * names as written on it, in order.
 */
public record CitationRecord(PaperRepository.Row paper, List<String> authors) {

  /**
   * Where a reader finds the paper, for formats with one URL field (CSL-JSON, RIS): its own URL,
   * else its arXiv page. BibTeX writes the arXiv id as its own field instead.
   */
  String url() {
    if (paper.url() != null) {
      return paper.url();
    }
    return paper.arxivId() == null ? null : "https://arxiv.org/abs/" + paper.arxivId();
  }
}
