package org.mlmdkb.paper.citation;

import java.util.List;

/** The bibliographic fields of one paper, as every export format needs them. */
public record CitationRecord(
    long id,
    String entryType,
    String title,
    Integer year,
    String date,
    String venue,
    String volume,
    String number,
    String pages,
    String publisher,
    String doi,
    String arxivId,
    String url,
    List<String> authors) {}
