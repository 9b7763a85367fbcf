package org.mlmdkb.paper.citation;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;

/** Renders papers, given by id in the order wanted, in a citation format. */
@ApplicationScoped
public class CitationExporter {

  private final ExportRepository records;
  private final ObjectMapper json;

  public CitationExporter(ExportRepository records, ObjectMapper json) {
    this.records = records;
    this.json = json;
  }

  public String render(List<Long> paperIds, CitationFormat format) throws SQLException {
    List<CitationRecord> papers = records.load(paperIds);
    return switch (format) {
      case BIBTEX -> new BibTeXWriter(false).write(papers);
      case BIBLATEX -> new BibTeXWriter(true).write(papers);
      case CSL_JSON -> new CslJsonWriter(json).write(papers);
      case RIS -> new RisWriter().write(papers);
    };
  }
}
