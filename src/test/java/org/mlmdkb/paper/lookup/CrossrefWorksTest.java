package org.mlmdkb.paper.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mlmdkb.paper.lookup.LookupFixtures.recorded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlmdkb.paper.PaperInput;

class CrossrefWorksTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode work(String json) throws Exception {
    return JSON.readTree(json);
  }

  @Test
  void mapsTheRecordedWorkToAPapersEditableState() throws Exception {
    JsonNode message =
        JSON.readTree(recorded("crossref-work.json", "10.5555/Fixture-1")).path("message");
    PaperInput paper = CrossrefWorks.toPaper(message, "10.5555/fixture-1");
    assertEquals(
        new PaperInput(
            "article",
            "A fixture paper on recorded answers",
            "Recorded metadata for stubbed services & nothing else.\n\n"
                + "A second paragraph with x2.",
            2021,
            "2021-06-01",
            "Journal of Test Fixtures",
            "154",
            "7",
            "071101-071112",
            "Test Publisher (fixture)",
            "10.5555/fixture-1",
            null,
            null,
            null,
            List.of("Ada Lovelace", "Alan Turing", "The Fixture Consortium"),
            List.of()),
        paper);
  }

  @Test
  void fallsBackToThePrintDateAndKeepsOnlyTheKnownParts() throws Exception {
    PaperInput paper =
        CrossrefWorks.toPaper(
            work(
                "{\"type\": \"proceedings-article\", \"title\": [\"T\"],"
                    + " \"issued\": {\"date-parts\": [[null]]},"
                    + " \"published-print\": {\"date-parts\": [[1999, 3]]}}"),
            "10.5555/x");
    assertEquals("inproceedings", paper.entryType());
    assertEquals(1999, paper.year());
    assertEquals("1999-03", paper.date());
    assertEquals("10.5555/x", paper.doi());
  }

  @Test
  void leavesTheDateOutWhenCrossrefHasNone() throws Exception {
    PaperInput paper = CrossrefWorks.toPaper(work("{\"type\": \"other\"}"), "10.5555/x");
    assertEquals("misc", paper.entryType());
    assertNull(paper.year());
    assertNull(paper.date());
    assertNull(paper.title());
    assertEquals(List.of(), paper.authors());
  }

  @Test
  void readsTheArxivIdOutOfAnArxivDoi() throws Exception {
    PaperInput paper =
        CrossrefWorks.toPaper(
            work("{\"type\": \"posted-content\", \"DOI\": \"10.48550/arXiv.0001.12345\"}"),
            "10.48550/arxiv.0001.12345");
    assertEquals("preprint", paper.entryType());
    assertEquals("0001.12345", paper.arxivId());
  }

  @Test
  void abstractsLoseTheirJatsMarkupHeadingAndEntities() {
    assertEquals(
        "First & <second>.\n\nSecond ä paragraph.",
        CrossrefWorks.abstractOf(
            "<jats:sec><jats:title>Abstract</jats:title><jats:p>First &amp; &lt;second&gt;."
                + "</jats:p><jats:p>Second &#228;\n paragraph.</jats:p></jats:sec>"));
  }

  @Test
  void anAbstractOfMarkupOnlyIsNone() {
    assertNull(CrossrefWorks.abstractOf("<jats:p> </jats:p>"));
  }
}
