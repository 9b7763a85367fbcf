package org.mlmdkb.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Units parsed by dimension: the units real benchmarks use beyond energies and forces. */
class UnitDimensionsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "K            | K",
        "mJ/m^2       | mJ/m²",
        "meV/A^2      | meV/Å²",
        "eV/atom/ps   | eV/atom/ps",
        "us/atom      | µs/atom",
        "\u03bcs/atom | µs/atom",
        "A^3          | Å³",
        "Å³/atom      | Å³/atom",
        "J/K/mol      | J/(K·mol)",
        "J/mol/K      | J/(K·mol)",
        "J/(mol K)    | J/(K·mol)",
        "J K^-1 mol^-1 | J/(K·mol)",
        "J/(K·mol)    | J/(K·mol)",
        "1/cm         | cm⁻¹",
        "eV·Å⁻¹       | eV/Å",
        "kcal mol-1 A-1 | kcal/mol/Å",
        "(eV/atom)/ps | eV/atom/ps"
      })
  void parsesTheSpellingsSourcesUse(String text, String code) {
    assertEquals(code, Unit.parse(text).orElseThrow().code());
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "mJ/m²       | ENERGY_PER_AREA",
        "meV/Å²      | ENERGY_PER_AREA",
        "K           | TEMPERATURE",
        "eV/atom/ps  | ENERGY_DRIFT",
        "µs/atom     | TIME_PER_ATOM",
        "Å³          | VOLUME",
        "Å³/atom     | VOLUME_PER_ATOM",
        "J/(K·mol)   | MOLAR_HEAT_CAPACITY",
        "kcal/mol/Å  | FORCE",
        "kJ/mol      | ENERGY",
        "meV/atom    | ENERGY_PER_ATOM",
        "MPa         | STRESS",
        "nm          | LENGTH",
        "ms/atom     | TIME_PER_ATOM",
        "cal/(K·mol) | MOLAR_HEAT_CAPACITY"
      })
  void findsTheDimensionFromTheSymbols(String text, Dimension dimension) {
    assertEquals(dimension, Unit.parse(text).orElseThrow().dimension());
  }

  /**
   * The factors the fixed unit list had, to the digit: stored canonical values must not move. Molar
   * ones are 4184 J / (N_A e) and 1000 J / (N_A e) rounded to 16 digits, as they were.
   */
  @ParameterizedTest(name = "1 {0} = {1} canonical")
  @CsvSource(
      delimiter = '|',
      value = {
        "meV         | 1",
        "eV          | 1000",
        "kcal/mol    | 43.36410424180094",
        "kJ/mol      | 10.36426965626217",
        "Ha          | 27211.386245981",
        "meV/atom    | 1",
        "eV/atom     | 1000",
        "meV/Å       | 1",
        "eV/Å        | 1000",
        "kcal/mol/Å  | 43.36410424180094",
        "GPa         | 1",
        "eV/Å³       | 160.2176634",
        "Å           | 1",
        "cm⁻¹        | 1",
        "1           | 1",
        "%           | 0.01",
        "count       | 1",
        "s           | 1",
        "K           | 1",
        "meV/Å²      | 1",
        "eV/Å²       | 1000",
        "mJ/m²       | 0.06241509074460763",
        "meV/atom/ps | 1",
        "eV/atom/ps  | 1000",
        "µs/atom     | 1",
        "Å³          | 1",
        "Å³/atom     | 1",
        "J/(K·mol)   | 1"
      })
  void keepsTheFactorsOfTheFormerUnitList(String code, String factor) {
    assertEquals(
        new BigDecimal(factor), Unit.parse(code).orElseThrow().toCanonical(BigDecimal.ONE));
  }

  @Test
  void keepsTheScaleOfStoredCanonicalValues() {
    // 0.05 eV was stored as 50.00 meV; 50 or 5E+1 would change stored numbers and duplicate keys.
    assertEquals(
        "50.00", Unit.parse("eV").orElseThrow().toCanonical(new BigDecimal("0.05")).toString());
  }

  @Test
  void convertsWithinOneDimensionExactly() {
    assertEquals(
        0,
        new BigDecimal("8")
            .compareTo(unit("eV/atom/ps").convert(new BigDecimal("0.008"), unit("meV/atom/ps"))));
    // 1 µs/atom = 1000 ns/atom, and 1 mJ/m² = 1e-23 J/Å² = 1e-20 / e meV/Å².
    assertEquals(
        0,
        new BigDecimal("1000").compareTo(unit("µs/atom").convert(BigDecimal.ONE, unit("ns/atom"))));
    assertEquals(
        0, new BigDecimal("1e-30").compareTo(unit("Å³").convert(BigDecimal.ONE, unit("m^3"))));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "K          | Å³",
        "mJ/m²      | meV/Å",
        "meV/Å²     | GPa",
        "eV/atom/ps | eV/atom",
        "µs/atom    | s",
        "Å³         | Å³/atom",
        "J/(K·mol)  | kJ/mol",
        "%          | count"
      })
  void refusesToConvertAcrossDimensionsNamingBoth(String from, String to) {
    IncompatibleUnitsException e =
        assertThrows(
            IncompatibleUnitsException.class, () -> unit(from).convert(BigDecimal.ONE, unit(to)));
    assertTrue(e.getMessage().contains(unit(from).dimension().description()), e.getMessage());
    assertTrue(e.getMessage().contains(unit(to).dimension().description()), e.getMessage());
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "furlong    | has the unknown symbol 'furlong'",
        "eV·Å       | measures energy·length, which is none of the dimensions",
        "atom       | measures atom, which is none of the dimensions",
        "eV//Å      | has an unexpected '/'",
        "eV/        | ends where a unit symbol was expected",
        "(eV        | has an unclosed '('",
        "2eV        | has an unexpected '2'",
        "eV^0.5     | has a power outside 1..9",
        "eV^2.5     | has an unexpected '.'",
        "Å^10       | has a power outside 1..9",
        "eV^        | has a power without digits",
        "MeV        | has the unknown symbol 'MeV'",
        "mpa        | has the unknown symbol 'mpa'"
      })
  void saysWhyATextIsNoUnit(String text, String problem) {
    Unit.Reading reading = Unit.read(text);
    assertEquals(null, reading.unit());
    assertTrue(reading.problem().startsWith(problem), reading.problem());
  }

  @Test
  void boundsTheTextItReads() {
    assertEquals("is longer than 64 characters", Unit.read("eV/".repeat(30) + "Å").problem());
  }

  private static Unit unit(String code) {
    return Unit.parse(code).orElseThrow(() -> new AssertionError("no unit " + code));
  }
}
