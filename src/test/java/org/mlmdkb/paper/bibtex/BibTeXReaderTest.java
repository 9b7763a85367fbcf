package org.mlmdkb.paper.bibtex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mlmdkb.paper.PaperInput;

class BibTeXReaderTest {

  private static PaperInput only(String bib) {
    List<BibTeXReader.Entry> entries = new BibTeXReader().read(bib);
    assertEquals(1, entries.size(), "entries: " + entries);
    assertNull(entries.get(0).error(), entries.get(0).error());
    return entries.get(0).paper();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Sch{\\\"o}dinger | Schödinger",
        "{\\'E}cole   | École",
        "Ho \\& Co      | Ho & Co",
        "{DFT} and {MD} | DFT and MD",
        "Na{\\\"\\i}ve  | Naïve"
      })
  void convertsLaTeXToText(String latex, String text) {
    assertEquals(text, only("@misc{k, title = {" + latex + "}, year = 2020}").title());
  }

  @Test
  void readsNameFormsAndDropsOthers() {
    PaperInput p =
        only(
            "@article{k, title = {T}, year = 2020, author = {Smith, Jr, John and {Google DeepMind}"
                + " and Marie Curie and others}}");
    assertEquals(List.of("John Smith Jr", "Google DeepMind", "Marie Curie"), p.authors());
  }

  @Test
  void takesYearAndDateFromABibLaTeXDateRange() {
    PaperInput p = only("@article{k, title = {T}, date = {2020-01/2020-03}}");
    assertEquals(2020, p.year());
    assertEquals("2020-01", p.date());
  }

  @Test
  void ignoresCommentsProseAndMonthMacros() {
    List<BibTeXReader.Entry> entries =
        new BibTeXReader()
            .read(
                "Intro text.\n@comment{ignore me}\nMore prose.\n"
                    + "@article{a, title = {A}, year = 2020, month = jan}\n"
                    + "between entries\n@article{b, title = {B}, year = 2021}\n");
    assertEquals(List.of("a", "b"), entries.stream().map(BibTeXReader.Entry::key).toList());
  }

  @Test
  void dropsAFieldThatIsNotADoiWithAWarning() {
    BibTeXReader.Entry e =
        new BibTeXReader()
            .read("@article{k, title = {T}, year = 2020, doi = {not available}}")
            .get(0);
    assertNull(e.paper().doi());
    assertTrue(e.warnings().get(0).contains("not a DOI"));
  }

  @Test
  void keepsTheYearAndWarnsWhenTheDateDisagrees() {
    BibTeXReader.Entry e =
        new BibTeXReader()
            .read("@article{k, title = {T}, year = 2020, date = {2019-05-01}}")
            .get(0);
    assertEquals(2020, e.paper().year());
    assertNull(e.paper().date());
    assertTrue(e.warnings().get(0).contains("disagrees with year 2020"));
  }

  @Test
  void recognisesArxivPreprintsWrittenAsJournals() {
    PaperInput p =
        only("@article{k, title = {T}, year = 2021, journal = {arXiv preprint arXiv:2101.03164}}");
    assertEquals("preprint", p.entryType());
    assertEquals("2101.03164", p.arxivId());
    assertNull(p.venue());
  }

  @Test
  void namesAMalformedEntryAndKeepsItsNeighbours() {
    List<BibTeXReader.Entry> entries =
        new BibTeXReader()
            .read(
                "@article{a, title = {A}, year = 2020}\n@article{bad, title = {B\n"
                    + "@article{c, title = {C}, year = 2021}\n");
    assertEquals("bad", entries.get(1).key());
    assertTrue(entries.get(1).error().startsWith("is not valid BibTeX"));
    assertNull(entries.get(2).error());
  }
}
