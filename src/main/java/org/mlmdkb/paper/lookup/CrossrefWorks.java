package org.mlmdkb.paper.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mlmdkb.curation.Identifiers;
import org.mlmdkb.paper.PaperInput;

/** Maps the {@code message} of a Crossref {@code /works/{doi}} answer to a paper's state. */
final class CrossrefWorks {

  /** Crossref work types → the corpus' entry types; anything else is "misc". */
  private static final Map<String, String> ENTRY_TYPES =
      Map.ofEntries(
          Map.entry("journal-article", "article"),
          Map.entry("proceedings-article", "inproceedings"),
          Map.entry("book-chapter", "incollection"),
          Map.entry("book-section", "incollection"),
          Map.entry("book-part", "incollection"),
          Map.entry("book", "book"),
          Map.entry("monograph", "book"),
          Map.entry("edited-book", "book"),
          Map.entry("reference-book", "book"),
          Map.entry("posted-content", "preprint"),
          Map.entry("dissertation", "phdthesis"),
          Map.entry("report", "techreport"));

  // DataCite DOIs that arXiv mints for every preprint (10.48550/arXiv.2101.03164).
  private static final Pattern ARXIV_DOI = Pattern.compile("^10\\.48550/arxiv\\.(.+)$");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#\\d+|[a-zA-Z]+);");
  private static final Map<String, String> NAMED_ENTITIES =
      Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", " ");

  private CrossrefWorks() {}

  static PaperInput toPaper(JsonNode work, String requestedDoi) {
    List<Integer> date = dateParts(work);
    String doi = Identifiers.doi(text(work, "DOI"));
    doi = doi == null ? requestedDoi : doi;
    Matcher arxiv = ARXIV_DOI.matcher(doi);
    return new PaperInput(
        ENTRY_TYPES.getOrDefault(text(work, "type"), "misc"),
        inline(first(work, "title")),
        abstractOf(text(work, "abstract")),
        date.isEmpty() ? null : date.get(0),
        date.isEmpty() ? null : formatDate(date),
        inline(first(work, "container-title")),
        text(work, "volume"),
        text(work, "issue"),
        text(work, "page"),
        text(work, "publisher"),
        doi,
        arxiv.matches() ? Identifiers.arxiv(arxiv.group(1)) : null,
        // Crossref's URL is the doi.org link, which the DOI already gives (the corpus leaves it
        // out).
        null,
        null,
        authors(work),
        List.of());
  }

  /** "Given Family", as the corpus writes names (so authors match across papers). */
  private static List<String> authors(JsonNode work) {
    List<String> names = new ArrayList<>();
    for (JsonNode author : work.path("author")) {
      String given = text(author, "given");
      String family = text(author, "family");
      String name =
          family != null
              ? (given != null ? given + " " + family : family)
              // Consortia and groups come as a single name.
              : text(author, "name");
      if (name != null) {
        names.add(inline(name));
      }
    }
    return names;
  }

  /** The publication date: issued, else print, else online; only the parts Crossref knows. */
  private static List<Integer> dateParts(JsonNode work) {
    for (String field : List.of("issued", "published-print", "published-online", "published")) {
      List<Integer> parts = new ArrayList<>();
      for (JsonNode part : work.path(field).path("date-parts").path(0)) {
        if (!part.canConvertToInt() || part.isNull()) {
          break;
        }
        parts.add(part.asInt());
      }
      if (!parts.isEmpty()) {
        return parts.subList(0, Math.min(parts.size(), 3));
      }
    }
    return List.of();
  }

  private static String formatDate(List<Integer> parts) {
    StringBuilder date = new StringBuilder(String.format("%04d", parts.get(0)));
    for (int i = 1; i < parts.size(); i++) {
      date.append(String.format("-%02d", parts.get(i)));
    }
    return date.toString();
  }

  /**
   * Crossref abstracts are JATS XML fragments: the "Abstract" heading is dropped, paragraphs become
   * blank-line separated plain text.
   */
  static String abstractOf(String jats) {
    if (jats == null) {
      return null;
    }
    String withoutHeadings = jats.replaceAll("(?s)<(jats:)?title>.*?</(jats:)?title>", "");
    List<String> paragraphs = new ArrayList<>();
    for (String paragraph : withoutHeadings.split("</(jats:)?p>|<(jats:)?p/>")) {
      String text = inline(paragraph);
      if (text != null) {
        paragraphs.add(text);
      }
    }
    return paragraphs.isEmpty() ? null : String.join("\n\n", paragraphs);
  }

  /** Markup (titles carry {@code <i>}, {@code <sub>}, MathML) removed, entities decoded. */
  static String inline(String markup) {
    if (markup == null) {
      return null;
    }
    String text = unescape(TAG.matcher(markup).replaceAll("")).replaceAll("\\s+", " ").strip();
    return text.isEmpty() ? null : text;
  }

  private static String unescape(String text) {
    return ENTITY
        .matcher(text)
        .replaceAll(
            m -> {
              String name = m.group(1);
              String decoded;
              if (name.startsWith("#x")) {
                decoded = codePoint(name.substring(2), 16);
              } else if (name.startsWith("#")) {
                decoded = codePoint(name.substring(1), 10);
              } else {
                decoded = NAMED_ENTITIES.get(name);
              }
              return Matcher.quoteReplacement(decoded == null ? m.group() : decoded);
            });
  }

  private static String codePoint(String digits, int radix) {
    try {
      int cp = Integer.parseInt(digits, radix);
      return Character.isValidCodePoint(cp) && cp != 0 ? Character.toString(cp) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String first(JsonNode work, String field) {
    JsonNode values = work.path(field);
    return values.isArray() && !values.isEmpty() ? textOf(values.get(0)) : textOf(values);
  }

  private static String text(JsonNode node, String field) {
    return textOf(node.path(field));
  }

  private static String textOf(JsonNode value) {
    if (!value.isValueNode() || value.isNull()) {
      return null;
    }
    String text = value.asText().strip();
    return text.isEmpty() ? null : text;
  }
}
