package org.mlmdkb.paper.lookup;

/** The body of a lookup: exactly one of a DOI or an arXiv id, in any common spelling. */
public record LookupRequest(String doi, String arxivId) {}
