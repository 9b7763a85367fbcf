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
      item.put("id", "paper-" + r.paper().id());
      item.put("type", type(r.paper().entryType()));
      put(item, "title", r.paper().title());
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
      if (r.paper().date() != null) {
        for (String p : r.paper().date().split("-")) {
          parts.add(Integer.parseInt(p));
        }
      } else if (r.paper().year() != null) {
        parts.add(r.paper().year());
      }
      if (!parts.isEmpty()) {
        item.putObject("issued").putArray("date-parts").add(parts);
      }
      put(item, "container-title", r.paper().venue());
      put(item, "volume", r.paper().volume());
      put(item, "issue", r.paper().number());
      put(item, "page", r.paper().pages());
      put(item, "publisher", r.paper().publisher());
      put(item, "DOI", r.paper().doi());
      if (r.paper().arxivId() != null) {
        item.put("number", "arXiv:" + r.paper().arxivId());
      }
      put(item, "URL", r.url());
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
