package org.mlmdkb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mlmdkb.testsupport.ApiTest;

/** The words of a query the index does not know, found with their corrections and alternatives. */
@QuarkusTest
class TyposTest extends ApiTest {

  @Inject IndexSearch index;

  @Test
  void anUnknownWordIsCorrectedAndGetsAFuzzyAlternativeAKnownWordNeither() {
    IndexSearch.Typos typos = index.typos(List.of("equivarient", "potentials"));

    assertEquals(Map.of("equivarient", "equivariant"), typos.corrections());
    assertEquals(Set.of("equivarient"), typos.fuzzy().keySet());
  }

  @Test
  void anUnknownWordWithNoNeighbourHasAnAlternativeButNoCorrection() {
    IndexSearch.Typos typos = index.typos(List.of("qzxwvkjq"));

    assertEquals(Map.of(), typos.corrections());
    assertEquals(Set.of("qzxwvkjq"), typos.fuzzy().keySet());
  }
}
