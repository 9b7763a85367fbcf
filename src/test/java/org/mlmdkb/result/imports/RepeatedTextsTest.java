package org.mlmdkb.result.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The table of one import's texts stays bounded whatever the body holds. */
class RepeatedTextsTest {

  @Test
  void anEqualTextIsAnsweredWithTheOneHeldFirst() {
    RepeatedTexts texts = new RepeatedTexts();
    String first = texts.share(new String("meV/A"));
    assertSame(first, texts.share(new String("meV/A")));
  }

  @Test
  void aTextLongerThan256CharactersIsNeverHeld() {
    RepeatedTexts texts = new RepeatedTexts();
    String longText = "x".repeat(257);
    texts.share(new String(longText));
    String again = new String(longText);
    assertSame(again, texts.share(again));
  }

  @Test
  void after10000DistinctTextsANewOneIsNoLongerHeld() {
    RepeatedTexts texts = new RepeatedTexts();
    for (int i = 0; i < 10_000; i++) {
      texts.share("text " + i);
    }
    texts.share(new String("one more"));
    String again = new String("one more");
    assertSame(again, texts.share(again));
    // The texts held before the bound are still shared.
    String early = new String("text 7");
    assertNotSame(early, texts.share(early));
    assertEquals("text 7", texts.share(early));
  }
}
