package org.mlmdkb.paper.citation;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import org.mlmdkb.paper.PaperDtos.AuthorRef;
import org.mlmdkb.paper.PaperRepository;

/**
 * Renders papers, given by id in the order wanted, in a citation format. The papers are read as the
 * paper list reads them, with their authors, in one statement.
 */
@ApplicationScoped
public class CitationExporter {

  private final PaperRepository papers;
  private final ObjectMapper json;

  public CitationExporter(PaperRepository papers, ObjectMapper json) {
    this.papers = papers;
    this.json = json;
  }

  public String render(List<Long> paperIds, CitationFormat format) throws SQLException {
    List<CitationRecord> records = records(paperIds);
    return switch (format) {
      case BIBTEX -> new BibTeXWriter(false).write(records);
      case BIBLATEX -> new BibTeXWriter(true).write(records);
      case CSL_JSON -> new CslJsonWriter(json).write(records);
      case RIS -> new RisWriter().write(records);
    };
  }

  /** The live papers among {@code ids}, in the order of {@code ids}; deleted ones are left out. */
  private List<CitationRecord> records(List<Long> ids) throws SQLException {
    return papers.listByIds(ids).stream()
        .map(
            paper ->
                new CitationRecord(
                    paper.row(), paper.authors().stream().map(AuthorRef::name).toList()))
        .toList();
  }
}
