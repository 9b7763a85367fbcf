package org.mlmdkb.metric;

/** A conversion between units of different dimensions or bases, which has no meaning. */
public class IncompatibleUnitsException extends RuntimeException {
  private final Unit from;
  private final Unit to;

  public IncompatibleUnitsException(Unit from, Unit to) {
    super(
        "cannot convert "
            + from.code()
            + " ("
            + from.dimension().description()
            + ") to "
            + to.code()
            + " ("
            + to.dimension().description()
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

  private static String reason(Dimension from, Dimension to) {
    boolean energies =
        (from == Dimension.ENERGY && to == Dimension.ENERGY_PER_ATOM)
            || (from == Dimension.ENERGY_PER_ATOM && to == Dimension.ENERGY);
    return energies
        ? "per-atom and per-structure energies differ by the number of atoms, which a reported"
            + " error does not carry"
        : "quantities of different dimensions cannot be compared";
  }
}
