package org.mlmdkb.paper.citation;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXFormatter;
import org.jbibtex.Key;
import org.jbibtex.StringValue;

/**
 * Writes BibTeX or BibLaTeX with jbibtex's formatter. Text fields are escaped for LaTeX and kept in
 * UTF-8 (biber and modern BibTeX read it); doi, url and eprint are verbatim fields in BibLaTeX and
 * written unescaped. Names are written "Family, Given" so no style has to guess.
 */
final class BibTeXWriter {

  private final boolean biblatex;

  BibTeXWriter(boolean biblatex) {
    this.biblatex = biblatex;
  }

  String write(List<CitationRecord> records) {
    BibTeXDatabase db = new BibTeXDatabase();
    Set<String> keys = new HashSet<>();
    for (CitationRecord r : records) {
      BibTeXEntry entry =
          new BibTeXEntry(new Key(type(r.paper().entryType())), new Key(key(r, keys)));
      if (!r.authors().isEmpty()) {
        // Each name is escaped on its own; the joined list must not be escaped or stripped again.
        escaped(
            entry,
            "author",
            String.join(
                " and ",
                r.authors().stream()
                    .map(PersonName::parse)
                    .map(
                        n ->
                            n.given().isEmpty()
                                ? "{" + escape(n.family()) + "}"
                                : escape(n.family()) + ", " + escape(n.given()))
                    .toList()));
      }
      text(entry, "title", r.paper().title(), true);
      text(entry, venueField(r.paper().entryType()), r.paper().venue(), true);
      if (biblatex) {
        text(entry, "date", r.paper().date() != null ? r.paper().date() : year(r), false);
      } else {
        text(entry, "year", year(r), false);
        if (r.paper().date() != null && r.paper().date().length() >= 7) {
          text(
              entry,
              "month",
              String.valueOf(Integer.parseInt(r.paper().date().substring(5, 7))),
              false);
        }
      }
      text(entry, "volume", r.paper().volume(), true);
      text(entry, "number", r.paper().number(), true);
      text(
          entry,
          "pages",
          r.paper().pages() == null ? null : r.paper().pages().replaceAll("\\s*[–—-]+\\s*", "--"),
          true);
      text(entry, "publisher", r.paper().publisher(), true);
      text(entry, "doi", r.paper().doi(), false);
      if (r.paper().arxivId() != null) {
        text(entry, "eprint", r.paper().arxivId(), false);
        text(entry, biblatex ? "eprinttype" : "archiveprefix", "arXiv", false);
      }
      text(entry, "url", r.paper().url(), false);
      db.addObject(entry);
    }
    StringWriter out = new StringWriter();
    try {
      BibTeXFormatter formatter = new BibTeXFormatter();
      formatter.setIndent("  ");
      formatter.format(db, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private String type(String entryType) {
    return switch (entryType) {
      case "preprint" -> "misc";
      case "online" -> biblatex ? "online" : "misc";
      default -> entryType;
    };
  }

  private String venueField(String entryType) {
    return switch (entryType) {
      case "article" -> biblatex ? "journaltitle" : "journal";
      case "inproceedings", "incollection" -> "booktitle";
      case "phdthesis", "mastersthesis" -> biblatex ? "institution" : "school";
      case "techreport" -> "institution";
      case "book" -> "series";
      default -> "howpublished";
    };
  }

  private static String year(CitationRecord r) {
    return r.paper().year() == null ? null : r.paper().year().toString();
  }

  private static void text(BibTeXEntry entry, String field, String value, boolean escape) {
    if (value == null || value.isBlank()) {
      return;
    }
    escaped(entry, field, escape ? escape(value) : value.replaceAll("[{}]", ""));
  }

  private static void escaped(BibTeXEntry entry, String field, String latex) {
    entry.addField(new Key(field), new StringValue(latex, StringValue.Style.BRACED));
  }

  /**
   * LaTeX's special characters. Braces are written as \textbraceleft{} and \textbraceright{}:
   * BibTeX counts a brace even after a backslash, so a lone escaped one would unbalance the entry.
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (char ch : text.replaceAll("\\s+", " ").toCharArray()) {
      switch (ch) {
        case '\\' -> out.append("\\textbackslash{}");
        case '{' -> out.append("\\textbraceleft{}");
        case '}' -> out.append("\\textbraceright{}");
        case '&', '%', '$', '#', '_' -> out.append('\\').append(ch);
        case '~' -> out.append("\\textasciitilde{}");
        case '^' -> out.append("\\textasciicircum{}");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }

  /** "behler2007generalized"; a, b, … tell apart keys that would collide within one export. */
  private static String key(CitationRecord r, Set<String> taken) {
    String family =
        r.authors().isEmpty() ? "anon" : ascii(PersonName.parse(r.authors().get(0)).family());
    String word =
        r.paper().title() == null
            ? ""
            : List.of(r.paper().title().split("\\s+")).stream()
                .map(BibTeXWriter::ascii)
                .filter(w -> w.length() > 3)
                .findFirst()
                .orElse("");
    String base =
        (family.isEmpty() ? "anon" : family)
            + (r.paper().year() == null ? "nd" : r.paper().year())
            + word;
    String key = base;
    for (int n = 0; !taken.add(key); n++) {
      key = base + (n < 26 ? String.valueOf((char) ('a' + n)) : "x" + n);
    }
    return key;
  }

  private static String ascii(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKD)
        .replaceAll("[^A-Za-z0-9]", "")
        .toLowerCase(Locale.ROOT);
  }
}
