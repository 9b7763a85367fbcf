package org.mlmdkb.metric;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mlmdkb.metric.UnitTerm.Exponents;

/**
 * The symbols a unit is built from, each with its exact factor to the base quantities of {@link
 * UnitTerm}. Factors are exact in the 2019 SI (e, N_A, the thermochemical calorie of 4.184 J)
 * except the hartree, which is CODATA 2022's 27.211386245981 eV.
 */
final class UnitSymbols {

  static final String ELEMENTARY_CHARGE = "1.602176634e-19";
  static final String AVOGADRO = "6.02214076e23";

  private static final Exponents ENERGY = new Exponents(1, 0, 0, 0, 0, 0);
  private static final Exponents LENGTH = new Exponents(0, 1, 0, 0, 0, 0);
  private static final Exponents TIME = new Exponents(0, 0, 1, 0, 0, 0);
  private static final Exponents TEMPERATURE = new Exponents(0, 0, 0, 1, 0, 0);
  private static final Exponents ATOM = new Exponents(0, 0, 0, 0, 1, 0);
  private static final Exponents COUNT = new Exponents(0, 0, 0, 0, 0, 1);
  private static final Exponents PRESSURE = new Exponents(1, -3, 0, 0, 0, 0);

  // 1 J = 1 / e eV, exactly.
  private static final UnitTerm JOULE =
      UnitTerm.ONE
          .dividedBy(UnitTerm.of(ELEMENTARY_CHARGE, Exponents.NONE))
          .times(UnitTerm.of("1", ENERGY));
  // 1 Pa = 1 J/m³ = 1 J / 1e30 Å³.
  private static final UnitTerm PASCAL =
      JOULE.dividedBy(UnitTerm.of("1e30", new Exponents(0, 3, 0, 0, 0, 0)));

  private static final Map<String, UnitTerm> SYMBOLS = new LinkedHashMap<>();

  static {
    SYMBOLS.put("eV", UnitTerm.of("1", ENERGY));
    SYMBOLS.put("meV", UnitTerm.of("0.001", ENERGY));
    SYMBOLS.put("Ha", UnitTerm.of("27.211386245981", ENERGY));
    SYMBOLS.put("J", JOULE);
    SYMBOLS.put("kJ", JOULE.times(UnitTerm.of("1000", Exponents.NONE)));
    SYMBOLS.put("mJ", JOULE.times(UnitTerm.of("0.001", Exponents.NONE)));
    SYMBOLS.put("cal", JOULE.times(UnitTerm.of("4.184", Exponents.NONE)));
    SYMBOLS.put("kcal", JOULE.times(UnitTerm.of("4184", Exponents.NONE)));
    SYMBOLS.put("Pa", PASCAL);
    SYMBOLS.put("kPa", PASCAL.times(UnitTerm.of("1e3", Exponents.NONE)));
    SYMBOLS.put("MPa", PASCAL.times(UnitTerm.of("1e6", Exponents.NONE)));
    SYMBOLS.put("GPa", PASCAL.times(UnitTerm.of("1e9", Exponents.NONE)));
    SYMBOLS.put("Å", UnitTerm.of("1", LENGTH));
    SYMBOLS.put("pm", UnitTerm.of("0.01", LENGTH));
    SYMBOLS.put("nm", UnitTerm.of("10", LENGTH));
    SYMBOLS.put("cm", UnitTerm.of("1e8", LENGTH));
    SYMBOLS.put("m", UnitTerm.of("1e10", LENGTH));
    SYMBOLS.put("s", UnitTerm.of("1", TIME));
    SYMBOLS.put("ms", UnitTerm.of("1e-3", TIME));
    SYMBOLS.put("\u00B5s", UnitTerm.of("1e-6", TIME));
    SYMBOLS.put("ns", UnitTerm.of("1e-9", TIME));
    SYMBOLS.put("ps", UnitTerm.of("1e-12", TIME));
    SYMBOLS.put("fs", UnitTerm.of("1e-15", TIME));
    SYMBOLS.put("K", UnitTerm.of("1", TEMPERATURE));
    SYMBOLS.put("atom", UnitTerm.of("1", ATOM));
    SYMBOLS.put("count", UnitTerm.of("1", COUNT));
    SYMBOLS.put("mol", UnitTerm.of(AVOGADRO, Exponents.NONE));
    SYMBOLS.put("%", UnitTerm.of("0.01", Exponents.NONE));
  }

  /** Other spellings sources use for a symbol. */
  private static final Map<String, String> ALIASES =
      Map.of(
          "A", "Å", // no ampere here: a bare A in eV/A is the ångström
          "\u212B", "Å", // the Angstrom sign, a different code point from Å
          "Ang", "Å",
          "Angstrom", "Å",
          "angstrom", "Å",
          "hartree", "Ha",
          "Hartree", "Ha",
          "us", "\u00B5s",
          "\u03BCs", "\u00B5s"); // the Greek mu, not the micro sign

  private UnitSymbols() {}

  /** Every symbol, as codes spell them. */
  static List<String> all() {
    return List.copyOf(SYMBOLS.keySet());
  }

  /** The symbol {@code text} spells, e.g. "A" → "Å", "ev" → "eV"; empty when none. */
  static Optional<String> resolve(String text) {
    if (SYMBOLS.containsKey(text)) {
      return Optional.of(text);
    }
    if (ALIASES.containsKey(text)) {
      return Optional.of(ALIASES.get(text));
    }
    // Case is forgiven ("ev/atom", "KCAL/MOL") where only one symbol matches, but not between
    // milli and mega: "MeV" is never read as meV, nor "mpa" as MPa (a factor of 10⁹ off).
    List<String> matches =
        SYMBOLS.keySet().stream()
            .filter(s -> s.toLowerCase(Locale.ROOT).equals(text.toLowerCase(Locale.ROOT)))
            .filter(s -> s.charAt(0) == text.charAt(0) || !isMilliOrMega(s))
            .toList();
    return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
  }

  static UnitTerm term(String symbol) {
    return SYMBOLS.get(symbol);
  }

  /** The metre, or a symbol made of the prefix m or M and another symbol (meV, ms, MPa). */
  private static boolean isMilliOrMega(String symbol) {
    char first = symbol.charAt(0);
    return symbol.equals("m")
        || (first == 'm' || first == 'M') && SYMBOLS.containsKey(symbol.substring(1));
  }
}
