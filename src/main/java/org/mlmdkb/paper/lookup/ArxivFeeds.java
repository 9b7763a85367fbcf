package org.mlmdkb.paper.lookup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.mlmdkb.curation.Identifiers;
import org.mlmdkb.paper.PaperInput;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** Reads the entry for one id out of an arXiv API Atom feed. */
final class ArxivFeeds {

  static final String ATOM = "http://www.w3.org/2005/Atom";
  static final String ARXIV = "http://arxiv.org/schemas/atom";

  /** The feed is not Atom XML at all. */
  static final class UnreadableFeedException extends Exception {
    UnreadableFeedException(String message) {
      super(message);
    }
  }

  private static final ErrorHandler FAIL =
      new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }
      };

  private ArxivFeeds() {}

  /**
   * The paper the feed describes for {@code id}; empty when the feed has no entry for it (arXiv
   * answers an unknown id with an empty feed, a malformed one with an entry titled "Error").
   */
  static Optional<PaperInput> entryFor(String id, byte[] xml) throws UnreadableFeedException {
    Element feed = parse(xml).getDocumentElement();
    if (!ATOM.equals(feed.getNamespaceURI()) || !"feed".equals(feed.getLocalName())) {
      throw new UnreadableFeedException("is not an Atom feed");
    }
    for (Element entry : children(feed, ATOM, "entry")) {
      String entryId = Identifiers.arxiv(text(entry, ATOM, "id"));
      String title = text(entry, ATOM, "title");
      if (id.equals(entryId) && title != null) {
        return Optional.of(toPaper(id, entry, title));
      }
    }
    return Optional.empty();
  }

  private static PaperInput toPaper(String id, Element entry, String title) {
    List<String> authors = new ArrayList<>();
    for (Element author : children(entry, ATOM, "author")) {
      String name = text(author, ATOM, "name");
      if (name != null) {
        authors.add(name);
      }
    }
    // "2021-01-08T18:50:40Z": the first version's submission day.
    String published = text(entry, ATOM, "published");
    String date =
        published != null && published.matches("^\\d{4}-\\d{2}-\\d{2}.*")
            ? published.substring(0, 10)
            : null;
    return new PaperInput(
        "preprint",
        title,
        text(entry, ATOM, "summary"),
        date == null ? null : Integer.valueOf(date.substring(0, 4)),
        date,
        "arXiv",
        null,
        null,
        null,
        null,
        Identifiers.doi(text(entry, ARXIV, "doi")),
        id,
        "https://arxiv.org/abs/" + id,
        null,
        authors,
        List.of());
  }

  /** A parser that refuses DOCTYPEs, so no external entity (XXE) or entity bomb is ever read. */
  private static Document parse(byte[] xml) throws UnreadableFeedException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(FAIL);
      return builder.parse(new ByteArrayInputStream(xml));
    } catch (SAXException | IOException e) {
      throw new UnreadableFeedException("is not well-formed XML");
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("The JDK's XML parser lacks a security feature", e);
    }
  }

  private static List<Element> children(Element parent, String namespace, String name) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node node = nodes.item(i);
      if (node instanceof Element e
          && namespace.equals(e.getNamespaceURI())
          && name.equals(e.getLocalName())) {
        found.add(e);
      }
    }
    return found;
  }

  /** The text of the first such child, whitespace collapsed (arXiv wraps titles and abstracts). */
  private static String text(Element parent, String namespace, String name) {
    List<Element> found = children(parent, namespace, name);
    if (found.isEmpty()) {
      return null;
    }
    String text = found.get(0).getTextContent().replaceAll("\\s+", " ").strip();
    return text.isEmpty() ? null : text;
  }
}
