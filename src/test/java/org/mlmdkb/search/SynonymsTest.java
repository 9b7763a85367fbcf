package org.mlmdkb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class SynonymsTest {

  @Test
  void findsAPluralHyphenatedFormInProseByItsKey() {
    assertEquals(
        "machine_learned_interatomic_potential",
        Synonyms.keysIn("Fitting Machine-learned interatomic potentials, fast."));
  }

  @Test
  void findsAFormInsideALongerOneToo() {
    assertEquals(
        "ab_initio_molecular_dynamics molecular_dynamics",
        Synonyms.keysIn("We ran ab initio molecular dynamics of water."));
  }

  @Test
  void leavesTextWithoutACuratedFormWithoutKeys() {
    assertNull(Synonyms.keysIn("Equivariant message-free networks for crystals"));
  }

  @Test
  void readsParenthesesAroundAWordAsPunctuationButKeepsThemInsideIdentifiers() {
    assertEquals(
        List.of("mlips", "e(3)", "equivariant", "ccsd(t)"),
        Synonyms.words("(MLIPs) E(3)-equivariant (CCSD(T))"));
  }

  @Test
  void keysAQueryFormAsItKeysTheSameFormInADocument() {
    assertEquals(
        Synonyms.keysIn("graph neural networks"), Synonyms.multiWordKey("Graph Neural Network"));
  }

  @Test
  void givesNoKeyToSingleWordFormsOrUncuratedPhrases() {
    assertNull(Synonyms.multiWordKey("mlip"));
    assertNull(Synonyms.multiWordKey("neural network"));
  }
}
