package org.mlmdkb.paper.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlmdkb.paper.lookup.LookupFixtures.recorded;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlmdkb.paper.PaperInput;

class ArxivFeedsTest {

  private static byte[] feed(String name, String id) {
    return recorded(name, id).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void mapsTheRecordedEntryToAPreprint() throws Exception {
    PaperInput paper =
        ArxivFeeds.entryFor("0001.12345", feed("arxiv-entry.xml", "0001.12345")).orElseThrow();
    assertEquals(
        new PaperInput(
            "preprint",
            "A fixture preprint on stubbed Atom feeds",
            "We describe a fixture. It spans two lines and says nothing else.",
            2021,
            "2021-01-08",
            "arXiv",
            null,
            null,
            null,
            null,
            null,
            "0001.12345",
            "https://arxiv.org/abs/0001.12345",
            null,
            List.of("Ada Lovelace", "Alan Turing"),
            List.of()),
        paper);
  }

  @Test
  void readsTheJournalDoiWhenArxivHasOne() throws Exception {
    String xml =
        recorded("arxiv-entry.xml", "0001.12345")
            .replace(
                "<arxiv:comment",
                "<arxiv:doi xmlns:arxiv=\"http://arxiv.org/schemas/atom\">10.5555/Journal-1"
                    + "</arxiv:doi><arxiv:comment");
    PaperInput paper =
        ArxivFeeds.entryFor("0001.12345", xml.getBytes(StandardCharsets.UTF_8)).orElseThrow();
    assertEquals("10.5555/journal-1", paper.doi());
  }

  @Test
  void oldStyleIdsKeepTheirArchive() throws Exception {
    String id = "fake-archive/9913001";
    assertEquals(id, ArxivFeeds.entryFor(id, feed("arxiv-entry.xml", id)).orElseThrow().arxivId());
  }

  @Test
  void anEmptyFeedHasNoEntry() throws Exception {
    assertTrue(ArxivFeeds.entryFor("0001.12345", feed("arxiv-empty.xml", "0001.12345")).isEmpty());
  }

  @Test
  void anErrorEntryIsNoEntry() throws Exception {
    assertTrue(ArxivFeeds.entryFor("0001.12345", feed("arxiv-error.xml", "0001.12345")).isEmpty());
  }

  @Test
  void anEntryForAnotherIdIsNoEntry() throws Exception {
    assertTrue(ArxivFeeds.entryFor("0001.99999", feed("arxiv-entry.xml", "0001.12345")).isEmpty());
  }

  @Test
  void aDoctypeIsRefusedSoNoExternalEntityIsRead() {
    assertThrows(
        ArxivFeeds.UnreadableFeedException.class,
        () -> ArxivFeeds.entryFor("0001.12345", feed("arxiv-xxe.xml", "0001.12345")));
  }

  @Test
  void htmlIsNotAFeed() {
    assertThrows(
        ArxivFeeds.UnreadableFeedException.class,
        () ->
            ArxivFeeds.entryFor(
                "0001.12345", "<html><body>503</body></html>".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void brokenXmlIsNotAFeed() {
    assertThrows(
        ArxivFeeds.UnreadableFeedException.class,
        () -> ArxivFeeds.entryFor("0001.12345", "<feed".getBytes(StandardCharsets.UTF_8)));
  }
}
