package org.mlmdkb.dataset;

import jakarta.validation.constraints.Size;

/**
 * The paper that introduces a dataset, as the read side shows it: the corpus paper's internal id
 * when it is in the corpus, and its DOI and arXiv id either way.
 */
public record DatasetPaperInput(
    Long id, @Size(max = 300) String doi, @Size(max = 100) String arxivId) {}
