package org.mlmdkb.metric;

import java.util.List;
import org.mlmdkb.common.error.ApiException;
import org.mlmdkb.common.error.Problem;
import org.mlmdkb.common.error.ProblemType;

/**
 * A conversion between units of different dimensions or bases, which has no meaning. Only the unit=
 * parameter asks for conversions, so the problem names it.
 */
public class IncompatibleUnitsException extends ApiException {
  private final Unit from;
  private final Unit to;

  public IncompatibleUnitsException(Unit from, Unit to) {
    this(from, to, message(from, to));
  }

  private IncompatibleUnitsException(Unit from, Unit to, String message) {
    super(
        ProblemType.INCOMPATIBLE_UNITS,
        message,
        List.of(new Problem.FieldError("unit", "query", message)));
    this.from = from;
    this.to = to;
  }

  public Unit from() {
    return from;
  }

  public Unit to() {
    return to;
  }

  private static String message(Unit from, Unit to) {
    return "cannot convert "
        + from.code()
        + " ("
        + from.dimension().description()
        + ") to "
        + to.code()
        + " ("
        + to.dimension().description()
        + "): "
        + reason(from.dimension(), to.dimension());
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
