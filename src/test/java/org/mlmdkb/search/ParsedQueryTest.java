package org.mlmdkb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mlmdkb.search.ParsedQuery.Clause;
import org.mlmdkb.search.ParsedQuery.Term;

class ParsedQueryTest {

  @Test
  void parsesWordsPhrasesExclusionsAndOr() {
    ParsedQuery q = ParsedQuery.parse("mace \"message passing\" -equivariant schnet OR painn");
    assertEquals(
        List.of(
            new Clause(List.of(new Term("mace", false)), false),
            new Clause(List.of(new Term("message passing", true)), false),
            new Clause(List.of(new Term("equivariant", false)), true),
            new Clause(List.of(new Term("schnet", false), new Term("painn", false)), false)),
        q.clauses());
  }

  @Test
  void unbalancedQuoteClosesAtTheEnd() {
    assertEquals(
        List.of(new Clause(List.of(new Term("graph neural", true)), false)),
        ParsedQuery.parse("\"graph neural").clauses());
  }

  @Test
  void punctuationOnlyAndDanglingOperatorsGiveNoClauses() {
    assertTrue(ParsedQuery.parse("!!! - OR \"\" --- |").clauses().isEmpty());
  }

  @Test
  void identifierFormIgnoresCaseAccentsAndPunctuation() {
    assertEquals("macemp0", ParsedQuery.ident("MACE-MP-0"));
    assertEquals("macemp0", ParsedQuery.ident("mace mp 0"));
    assertEquals("revisedmd17", ParsedQuery.ident("Revised MD17"));
    assertEquals("schutt", ParsedQuery.ident("Schütt"));
  }

  @Test
  void clauseCountIsCapped() {
    assertEquals(ParsedQuery.MAX_CLAUSES, ParsedQuery.parse("a1 ".repeat(100)).clauses().size());
  }

  /** Fuzz: any text, including odd Unicode and operator soup, parses without an exception. */
  @Test
  void neverFailsOnRandomText() {
    Random random = new Random(42);
    String alphabet = "ab1 -\"|()&!:*'\\%_\u00e9\u200b\ud83e\uddeaOR\t";
    for (int i = 0; i < 5000; i++) {
      StringBuilder sb = new StringBuilder();
      int n = random.nextInt(40);
      for (int j = 0; j < n; j++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      ParsedQuery q = ParsedQuery.parse(sb.toString());
      assertTrue(q.clauses().size() <= ParsedQuery.MAX_CLAUSES);
      q.clauses().forEach(c -> assertTrue(!c.terms().isEmpty()));
    }
  }
}
