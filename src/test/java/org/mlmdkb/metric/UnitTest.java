package org.mlmdkb.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class UnitTest {

  @ParameterizedTest(name = "{0} {1} = {3} {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // kgcnn reports kcal/mol/Å; 1 kcal/mol = 4184 J / N_A / e = 43.3641 meV.
        "1.0|kcal/mol/Å|meV/Å|43.3641",
        "1|kcal/mol/Å|eV/Å|0.0433641",
        "1|kcal/mol|meV|43.3641",
        "1|kcal/mol|kJ/mol|4.184",
        "1|kJ/mol|meV|10.3643",
        "1|Ha|eV|27.211386245981",
        "1|Ha|kcal/mol|627.5095",
        "1|eV|meV|1000",
        "1|eV/atom|meV/atom|1000",
        "0.05253121629357338|eV/Å|meV/Å|52.53121629357338",
        "1|eV/Å³|GPa|160.2176634",
        "1|GPa|eV/Å³|0.0062415",
        // Percentages: fairchem's "4.56%" is stored as 4.56 %, i.e. the fraction 0.0456.
        "4.56|%|1|0.0456",
        "0.669|1|%|66.9",
        "100|%|1|1"
      })
  void convertsWithExactFactors(String value, String from, String to, String expected) {
    BigDecimal want = new BigDecimal(expected);
    BigDecimal got = unit(from).convert(new BigDecimal(value), unit(to));
    assertEquals(
        0, want.compareTo(got.setScale(want.scale(), RoundingMode.HALF_UP)), got::toString);
  }

  @Test
  void displayConversionDropsRoundingNoiseOfMolarConstants() {
    assertEquals(
        "4.184",
        unit("kcal/mol").convertForDisplay(BigDecimal.ONE, unit("kJ/mol")).toPlainString());
  }

  @Test
  void displayConversionKeepsEveryReportedDigitForExactFactors() {
    assertEquals(
        "52.53121629357338",
        unit("eV/Å")
            .convertForDisplay(new BigDecimal("0.05253121629357338"), unit("meV/Å"))
            .toPlainString());
  }

  @Test
  void displayConversionWritesWholeNumbersPlainly() {
    assertEquals("1000", unit("eV").convertForDisplay(BigDecimal.ONE, unit("meV")).toPlainString());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "eV/atom|meV/Å|different dimensions",
        "eV/atom|eV|number of atoms",
        "kcal/mol|meV/atom|number of atoms",
        "eV/Å|GPa|different dimensions",
        "%|count|different dimensions",
        "Å|cm⁻¹|different dimensions"
      })
  void refusesConversionAcrossDimensionsOrBases(String from, String to, String reason) {
    IncompatibleUnitsException e =
        assertThrows(
            IncompatibleUnitsException.class, () -> unit(from).convert(BigDecimal.ONE, unit(to)));
    assertTrue(e.getMessage().contains(from) && e.getMessage().contains(to), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "eV/A|eV/Å",
        "eV/Angstrom|eV/Å",
        "kcal/mol/A|kcal/mol/Å",
        "meV/A|meV/Å",
        "Hartree|Ha",
        "eV/A^3|eV/Å³",
        "cm-1|cm⁻¹",
        " meV |meV",
        "ev/atom|eV/atom",
        "KCAL/MOL|kcal/mol"
      })
  void parsesCommonSpellings(String text, String code) {
    assertEquals(Optional.of(unit(code)), Unit.parse(text));
  }

  @ParameterizedTest
  @CsvSource({"furlong", "eV/bohr", "MeV", "MeV/atom", "''"})
  void unknownSpellingParsesToNothing(String text) {
    assertEquals(Optional.empty(), Unit.parse(text));
  }

  static Stream<Arguments> sameDimensionPairs() {
    return Unit.commonCodes().stream()
        .map(UnitTest::unit)
        .flatMap(
            a ->
                Unit.commonCodes().stream()
                    .map(UnitTest::unit)
                    .filter(b -> b.dimension() == a.dimension())
                    .map(b -> Arguments.of(a, b)));
  }

  @ParameterizedTest(name = "{0} <-> {1}")
  @MethodSource("sameDimensionPairs")
  void convertingThereAndBackReturnsTheValue(Unit a, Unit b) {
    BigDecimal value = new BigDecimal("0.123456789");
    BigDecimal back = b.convert(a.convert(value, b), a);
    assertEquals(
        0, value.compareTo(back.round(new MathContext(20))), () -> a + " -> " + b + " -> " + back);
  }

  private static Unit unit(String code) {
    return Unit.parse(code).orElseThrow(() -> new AssertionError("no unit " + code));
  }
}
