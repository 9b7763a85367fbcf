package org.mlmdkb.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random texts: the parser answers a unit or a reason, never throws, and codes read back as is. */
class UnitParserFuzzTest {

  private static final String ALPHABET = "eVmÅAkcalJ/()·* ^-123²³⁻¹%atomsKpµu.";
  private static final List<String> PIECES =
      List.of("eV", "meV", "Å", "atom", "ps", "µs", "K", "mol", "kcal", "J", "GPa", "nm", "count");

  @Test
  void anyTextYieldsAUnitOrAReason() {
    Random random = new Random(13);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(12);
      for (int j = 0; j < length; j++) {
        text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      Unit.Reading reading = Unit.read(text.toString());
      assertTrue(
          (reading.unit() == null) != (reading.problem() == null),
          () -> "'" + text + "' gave " + reading);
    }
  }

  @Test
  void theCodeOfAParsedUnitParsesToTheSameUnit() {
    Random random = new Random(17);
    int parsed = 0;
    for (int i = 0; i < 5_000; i++) {
      StringBuilder text = new StringBuilder(PIECES.get(random.nextInt(PIECES.size())));
      for (int j = random.nextInt(3); j > 0; j--) {
        text.append(random.nextBoolean() ? "/" : "·")
            .append(PIECES.get(random.nextInt(PIECES.size())));
        if (random.nextInt(4) == 0) {
          text.append(random.nextBoolean() ? "²" : "⁻¹");
        }
      }
      Unit.Reading reading = Unit.read(text.toString());
      if (reading.unit() == null) {
        continue;
      }
      parsed++;
      Unit again = Unit.parse(reading.unit().code()).orElseThrow();
      assertEquals(reading.unit(), again, text::toString);
      assertEquals(reading.unit().code(), again.code(), text::toString);
      assertEquals(reading.unit().dimension(), again.dimension(), text::toString);
    }
    assertTrue(parsed > 500, "only " + parsed + " random products had a known dimension");
  }
}
