package org.mlmdkb.metric;

import java.util.Arrays;
import java.util.Optional;
import org.mlmdkb.common.query.WireNamed;

/**
 * What a unit measures, each with its canonical unit, the one results are stored and ranked in.
 * Values convert only within one dimension. A unit whose powers of energy, length, time,
 * temperature, atoms and counts match none of these is refused: a new dimension needs a canonical
 * unit chosen here, so boards keep one stored unit per dimension.
 */
public enum Dimension implements WireNamed {
  ENERGY("meV", "energy per structure"),
  ENERGY_PER_ATOM("meV/atom", "energy per atom"),
  FORCE("meV/Å", "force"),
  STRESS("GPa", "stress"),
  LENGTH("Å", "length"),
  WAVENUMBER("cm⁻¹", "wavenumber"),
  DIMENSIONLESS("1", "dimensionless"),
  COUNT("count", "count"),
  TIME("s", "time"),
  TEMPERATURE("K", "temperature"),
  ENERGY_PER_AREA("meV/Å²", "energy per area"),
  ENERGY_DRIFT("meV/atom/ps", "energy drift per atom"),
  TIME_PER_ATOM("\u00B5s/atom", "time per atom"),
  VOLUME("Å³", "volume"),
  VOLUME_PER_ATOM("Å³/atom", "volume per atom"),
  MOLAR_HEAT_CAPACITY("J/(K·mol)", "molar heat capacity");

  private final String canonicalCode;
  private final String description;
  private final UnitTerm canonical;

  Dimension(String canonicalCode, String description) {
    this.canonicalCode = canonicalCode;
    this.description = description;
    try {
      this.canonical = UnitParser.parse(canonicalCode).term();
    } catch (UnitParser.Failure e) {
      throw new IllegalStateException("canonical unit " + canonicalCode + " " + e.getMessage());
    }
  }

  public String canonicalCode() {
    return canonicalCode;
  }

  /** In words, for messages: "energy per atom". */
  public String description() {
    return description;
  }

  UnitTerm canonicalTerm() {
    return canonical;
  }

  static Optional<Dimension> of(UnitTerm.Exponents exponents) {
    return Arrays.stream(values())
        .filter(d -> d.canonical.exponents().equals(exponents))
        .findFirst();
  }
}
