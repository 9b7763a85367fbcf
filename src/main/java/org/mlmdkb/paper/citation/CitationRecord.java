package org.mlmdkb.paper.citation;

import java.util.List;
import org.mlmdkb.paper.PaperRepository;

/**
 * One paper as every export format needs it: its row as the paper pages read it, and its authors'
 * names as written on it, in order.
 */
public record CitationRecord(PaperRepository.Row paper, List<String> authors) {}
