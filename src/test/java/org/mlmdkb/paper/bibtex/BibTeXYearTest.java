package org.mlmdkb.paper.bibtex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** BibTeX years are taken as written, never cut down to four digits found somewhere inside. */
class BibTeXYearTest {

  private static BibTeXReader.Entry only(String bib) {
    List<BibTeXReader.Entry> entries = new BibTeXReader().read(bib);
    assertEquals(1, entries.size(), "entries: " + entries);
    return entries.get(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{20245}", "{2020a}", "{in press}", "{2020/2021}", "{c. 2020}", "202"})
  void aYearThatIsNotFourDigitsRejectsTheEntryNamingIt(String year) {
    BibTeXReader.Entry e = only("@article{k, title = {T}, year = " + year + "}");
    assertNull(e.paper());
    assertEquals("k", e.key());
    assertEquals("year '" + year.replaceAll("[{}]", "") + "' is not a four-digit year", e.error());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2020", "{2020}", "{{2020}}", "{ 2020 }", "\"2020\""})
  void aFourDigitYearInBracesOrQuotesIsRead(String year) {
    BibTeXReader.Entry e = only("@article{k, title = {T}, year = " + year + "}");
    assertNull(e.error(), e.error());
    assertEquals(2020, e.paper().year());
  }
}
