package org.mlmdkb.paper.bibtex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Separators count only outside braces; the separator's length is skipped. */
class TopLevelSplitTest {

  @Test
  void splitsOnSeparatorsOutsideBracesOnly() {
    assertEquals(
        List.of("a", "{b,c}", " d"),
        TopLevelSplit.split("a,{b,c}, d", i -> "a,{b,c}, d".charAt(i) == ',' ? 1 : 0));
  }

  @Test
  void skipsTheWholeSeparator() {
    String text = "Curie, M. and {Smith and Sons}";
    assertEquals(
        List.of("Curie, M.", "{Smith and Sons}"),
        TopLevelSplit.split(text, i -> text.startsWith(" and ", i) ? 5 : 0));
  }

  @Test
  void textWithoutSeparatorIsOnePart() {
    assertEquals(List.of(""), TopLevelSplit.split("", i -> 1));
  }
}
