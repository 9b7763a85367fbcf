package org.mlmdkb.paper.bibtex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mlmdkb.paper.PaperInput;

/** What Zotero/Better BibTeX exports contain (synthetic entries in their shapes). */
class BibLatexFidelityTest {

  private static PaperInput only(String bib) {
    List<BibTeXReader.Entry> entries = new BibTeXReader().read(bib);
    assertEquals(1, entries.size(), "entries: " + entries);
    assertNull(entries.get(0).error(), entries.get(0).error());
    return entries.get(0).paper();
  }

  @Test
  void betterBibtexExtendedNamesYieldTheNamesAsWritten() {
    PaperInput p =
        only(
            "@article{k, title = {T}, date = {2016},"
                + " author = {family=Oord, given=Cas, prefix=van der, useprefix=true and"
                + " family={de Jong}, given=Maarten and Ceriotti, Michele}}");
    assertEquals(List.of("Cas van der Oord", "Maarten de Jong", "Michele Ceriotti"), p.authors());
  }

  @Test
  void etAlIsNotAnAuthor() {
    PaperInput p =
        only("@article{k, title = {T}, year = 2020, author = {Batzner, Simon and {al.}}}");
    assertEquals(List.of("Simon Batzner"), p.authors());
  }

  @Test
  void aDateTimeKeepsItsDateAndYear() {
    PaperInput p = only("@online{k, title = {T}, date = {2024-11-11T16:06:07Z}}");
    assertEquals(2024, p.year());
    assertEquals("2024-11-11", p.date());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\\c{S}}ölen      | Şölen",
        "\\c{c}a          | ça",
        "{\\v{S}}koda      | Škoda",
        "Erd{\\H{o}}s      | Erdős",
        "Gda{\\'n}sk       | Gdańsk",
        "{\\o}ystein       | øystein",
        "\\L{}ód\\'z        | Łódź",
        "{SC} '23        | SC '23",
        "Ho \\& Co         | Ho & Co"
      })
  void convertsEveryLatexAccent(String latex, String text) {
    assertEquals(text, only("@misc{k, title = {" + latex + "}, year = 2020}").title());
  }

  @Test
  void anArxivDoiSetsTheArxivId() {
    PaperInput p = only("@misc{k, title = {T}, year = 2023, doi = {10.48550/arXiv.2308.13863}}");
    assertEquals("2308.13863", p.arxivId());
    assertEquals("10.48550/arxiv.2308.13863", p.doi());
  }
}
