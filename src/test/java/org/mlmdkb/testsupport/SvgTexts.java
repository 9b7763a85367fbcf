package org.mlmdkb.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Reads an SVG answer as an XML parser (and so a browser) does; parsing fails if malformed. */
public final class SvgTexts {

  private static final String SVG_NS = "http://www.w3.org/2000/svg";

  private SvgTexts() {}

  /** The parsed document, its root checked to be an SVG element. */
  public static Document parse(byte[] svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setNamespaceAware(true);
    Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
    assertEquals("svg", doc.getDocumentElement().getLocalName());
    assertEquals(SVG_NS, doc.getDocumentElement().getNamespaceURI());
    return doc;
  }

  /** The text of every {@code <text>} element, as an SVG viewer would draw it (unescaped). */
  public static List<String> texts(byte[] svg) throws Exception {
    return elements(parse(svg), "text").stream().map(org.w3c.dom.Node::getTextContent).toList();
  }

  /** Every SVG element of one name, in document order. */
  public static List<org.w3c.dom.Element> elements(Document doc, String name) {
    NodeList nodes = doc.getElementsByTagNameNS(SVG_NS, name);
    List<org.w3c.dom.Element> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add((org.w3c.dom.Element) nodes.item(i));
    }
    return out;
  }
}
