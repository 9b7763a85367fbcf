package org.mlmdkb.paper.citation;

import java.util.List;

/** RIS: one tagged line per field, CRLF line ends, "ER" closing each record. */
final class RisWriter {

  String write(List<CitationRecord> records) {
    StringBuilder out = new StringBuilder();
    for (CitationRecord r : records) {
      line(out, "TY", type(r.paper().entryType()));
      for (String name : r.authors()) {
        PersonName n = PersonName.parse(name);
        line(out, "AU", n.given().isEmpty() ? n.family() : n.family() + ", " + n.given());
      }
      line(out, "TI", r.paper().title());
      line(out, "PY", r.paper().year() == null ? null : r.paper().year().toString());
      if (r.paper().date() != null) {
        line(out, "DA", r.paper().date().replace('-', '/'));
      }
      line(out, "T2", r.paper().venue());
      line(out, "VL", r.paper().volume());
      line(out, "IS", r.paper().number());
      if (r.paper().pages() != null) {
        String[] pages = r.paper().pages().split("\\s*[–—-]+\\s*", 2);
        line(out, "SP", pages[0]);
        line(out, "EP", pages.length > 1 ? pages[1] : null);
      }
      line(out, "PB", r.paper().publisher());
      line(out, "DO", r.paper().doi());
      line(out, "UR", r.url());
      if (r.paper().arxivId() != null) {
        line(out, "M3", "arXiv:" + r.paper().arxivId());
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
