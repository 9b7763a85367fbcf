package org.mlmdkb.result;

/** A conversion between units of different dimensions or bases, which has no meaning. */
public class IncompatibleUnitsException extends RuntimeException {
  private final Unit from;
  private final Unit to;

  public IncompatibleUnitsException(Unit from, Unit to) {
    super(
        "cannot convert "
            + from.code()
            + " ("
            + describe(from.dimension())
            + ") to "
            + to.code()
            + " ("
            + describe(to.dimension())
            + "): "
            + reason(from.dimension(), to.dimension()));
    this.from = from;
    this.to = to;
  }

  public Unit from() {
    return from;
  }

  public Unit to() {
    return to;
  }

  private static String reason(Unit.Dimension from, Unit.Dimension to) {
    boolean energies =
        (from == Unit.Dimension.ENERGY && to == Unit.Dimension.ENERGY_PER_ATOM)
            || (from == Unit.Dimension.ENERGY_PER_ATOM && to == Unit.Dimension.ENERGY);
    return energies
        ? "per-atom and per-structure energies differ by the number of atoms, which a reported"
            + " error does not carry"
        : "quantities of different dimensions cannot be compared";
  }

  private static String describe(Unit.Dimension d) {
    return switch (d) {
      case ENERGY -> "energy per structure";
      case ENERGY_PER_ATOM -> "energy per atom";
      case FORCE -> "force";
      case STRESS -> "stress";
      case LENGTH -> "length";
      case WAVENUMBER -> "wavenumber";
      case DIMENSIONLESS -> "dimensionless";
      case COUNT -> "count";
      case TIME -> "time";
      case TEMPERATURE -> "temperature";
      case ENERGY_PER_AREA -> "energy per area";
      case ENERGY_DRIFT -> "energy drift per atom";
      case TIME_PER_ATOM -> "time per atom";
      case VOLUME -> "volume";
      case VOLUME_PER_ATOM -> "volume per atom";
      case MOLAR_HEAT_CAPACITY -> "molar heat capacity";
    };
  }
}
