package org.mlmdkb.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The units real benchmarks use beyond energies and forces (LAMBench, MLIP Arena). */
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
        "J/(K·mol)    | J/(K·mol)",
        "1/cm         | cm⁻¹"
      })
  void parsesTheSpellingsSourcesUse(String text, String code) {
    assertEquals(code, Unit.parse(text).orElseThrow().code());
  }

  @Test
  void convertsWithinOneDimensionExactly() {
    assertEquals(
        0,
        new BigDecimal("8")
            .compareTo(
                Unit.EV_PER_ATOM_PER_PS.convert(
                    new BigDecimal("0.008"), Unit.MEV_PER_ATOM_PER_PS)));
    // 1 mJ/m² = 1e-23 J/Å² = 1e-20 / 1.602176634e-19 meV/Å² (16 significant digits).
    assertEquals(
        new BigDecimal("0.06241509074460763"),
        Unit.MILLIJOULE_PER_SQUARE_METRE.toCanonical(BigDecimal.ONE));
  }

  @Test
  void refusesToConvertAcrossDimensions() {
    assertThrows(
        IncompatibleUnitsException.class,
        () -> Unit.KELVIN.convert(BigDecimal.ONE, Unit.CUBIC_ANGSTROM));
  }
}
