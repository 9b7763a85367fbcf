package org.mlmdkb.paper.citation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * CSL-JSON (the citeproc input schema): always an array of items, as Zotero and pandoc expect, even
 * for one paper. Its property names are CSL's own (hyphens, "DOI"), not our snake_case.
 */
final class CslJsonWriter {

  private final ObjectMapper json;

  CslJsonWriter(ObjectMapper json) {
    this.json = json;
  }

  String write(List<CitationRecord> records) {
    ArrayNode items = json.createArrayNode();
    for (CitationRecord r : records) {
      ObjectNode item = items.addObject();
      item.put("id", "paper-" + r.id());
      item.put("type", type(r.entryType()));
      put(item, "title", r.title());
      ArrayNode authors = item.putArray("author");
      for (String name : r.authors()) {
        PersonName n = PersonName.parse(name);
        ObjectNode a = authors.addObject();
        if (n.given().isEmpty()) {
          a.put("literal", n.family());
        } else {
          a.put("family", n.family());
          a.put("given", n.given());
        }
      }
      ArrayNode parts = json.createArrayNode();
      if (r.date() != null) {
        for (String p : r.date().split("-")) {
          parts.add(Integer.parseInt(p));
        }
      } else if (r.year() != null) {
        parts.add(r.year());
      }
      if (!parts.isEmpty()) {
        item.putObject("issued").putArray("date-parts").add(parts);
      }
      put(item, "container-title", r.venue());
      put(item, "volume", r.volume());
      put(item, "issue", r.number());
      put(item, "page", r.pages());
      put(item, "publisher", r.publisher());
      put(item, "DOI", r.doi());
      if (r.arxivId() != null) {
        item.put("number", "arXiv:" + r.arxivId());
      }
      put(
          item,
          "URL",
          r.url() != null
              ? r.url()
              : r.arxivId() != null ? "https://arxiv.org/abs/" + r.arxivId() : null);
    }
    try {
      return json.writerWithDefaultPrettyPrinter().writeValueAsString(items);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String type(String entryType) {
    return switch (entryType) {
      case "article" -> "article-journal";
      case "preprint" -> "article";
      case "inproceedings" -> "paper-conference";
      case "incollection" -> "chapter";
      case "phdthesis", "mastersthesis" -> "thesis";
      case "book" -> "book";
      case "techreport" -> "report";
      case "online" -> "webpage";
      default -> "document";
    };
  }

  private static void put(ObjectNode node, String field, String value) {
    if (value != null && !value.isBlank()) {
      node.put(field, value);
    }
  }
}
