package org.mlmdkb.common.query;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An enum whose constants are named on the wire, in parameters, bodies and stored text, by their
 * Java name in lower case ("lower_is_better"), so one rule names them everywhere.
 */
public interface WireNamed {

  /** The constant's Java name; every enum has it. */
  String name();

  /** The name on the wire: the constant's in lower case. */
  default String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every constant's wire name, in declaration order. */
  static <E extends Enum<E> & WireNamed> List<String> wireNames(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(WireNamed::wire).toList();
  }

  /** The constant whose wire name is {@code wire}; empty when none is. */
  static <E extends Enum<E> & WireNamed> Optional<E> fromWire(Class<E> type, String wire) {
    return Arrays.stream(type.getEnumConstants()).filter(e -> e.wire().equals(wire)).findFirst();
  }
}
