package org.mlmdkb.paper.citation;

import java.util.List;

/** RIS: one tagged line per field, CRLF line ends, "ER" closing each record. */
final class RisWriter {

  String write(List<CitationRecord> records) {
    StringBuilder out = new StringBuilder();
    for (CitationRecord r : records) {
      line(out, "TY", type(r.entryType()));
      for (String name : r.authors()) {
        PersonName n = PersonName.parse(name);
        line(out, "AU", n.given().isEmpty() ? n.family() : n.family() + ", " + n.given());
      }
      line(out, "TI", r.title());
      line(out, "PY", r.year() == null ? null : r.year().toString());
      if (r.date() != null) {
        line(out, "DA", r.date().replace('-', '/'));
      }
      line(out, "T2", r.venue());
      line(out, "VL", r.volume());
      line(out, "IS", r.number());
      if (r.pages() != null) {
        String[] pages = r.pages().split("\\s*[–—-]+\\s*", 2);
        line(out, "SP", pages[0]);
        line(out, "EP", pages.length > 1 ? pages[1] : null);
      }
      line(out, "PB", r.publisher());
      line(out, "DO", r.doi());
      line(
          out,
          "UR",
          r.url() != null
              ? r.url()
              : r.arxivId() != null ? "https://arxiv.org/abs/" + r.arxivId() : null);
      if (r.arxivId() != null) {
        line(out, "M3", "arXiv:" + r.arxivId());
      }
      out.append("ER  - \r\n\r\n");
    }
    return out.toString();
  }

  private static String type(String entryType) {
    return switch (entryType) {
      case "article" -> "JOUR";
      case "preprint" -> "UNPB";
      case "inproceedings" -> "CPAPER";
      case "incollection" -> "CHAP";
      case "phdthesis", "mastersthesis" -> "THES";
      case "book" -> "BOOK";
      case "techreport" -> "RPRT";
      case "online" -> "ELEC";
      default -> "GEN";
    };
  }

  /** A value never spans lines: a newline would start a bogus tag. */
  private static void line(StringBuilder out, String tag, String value) {
    if (value != null && !value.isBlank()) {
      out.append(tag).append("  - ").append(value.replaceAll("\\s+", " ").strip()).append("\r\n");
    }
  }
}
