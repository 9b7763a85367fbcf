package org.mlmdkb.metric;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.mlmdkb.common.query.WireNamed;

/**
 * A unit a result is reported in, parsed by dimension (see {@link UnitParser}): its code, its
 * {@link Dimension} and its factor to the dimension's canonical unit, exact wherever the decimal
 * expansion is finite. Any product or quotient of the known symbols whose dimension is known
 * parses; there is no list of allowed units.
 */
public final class Unit {

  /**
   * How codes spell the units sources use most; another spelling of the same unit (J/K/mol, eV·Å⁻¹,
   * 1/cm) gets the code listed here, so one unit is stored under one code.
   */
  private static final List<String> PREFERRED_SPELLINGS =
      List.of(
          "meV",
          "eV",
          "kcal/mol",
          "kJ/mol",
          "Ha",
          "meV/atom",
          "eV/atom",
          "meV/Å",
          "eV/Å",
          "kcal/mol/Å",
          "GPa",
          "eV/Å³",
          "Å",
          "cm⁻¹",
          "1",
          "%",
          "count",
          "s",
          "K",
          "meV/Å²",
          "eV/Å²",
          "mJ/m²",
          "meV/atom/ps",
          "eV/atom/ps",
          "\u00B5s/atom",
          "Å³",
          "Å³/atom",
          "J/(K·mol)");

  private static final List<Unit> PREFERRED =
      PREFERRED_SPELLINGS.stream().map(Unit::parseOwnSpelling).toList();

  private static final int MAX_CACHED = 1024;
  private static final Map<String, Reading> READINGS = new ConcurrentHashMap<>();

  public static final Unit FRACTION = parse("1").orElseThrow();
  public static final Unit PERCENT = parse("%").orElseThrow();
  public static final Unit COUNT = parse("count").orElseThrow();

  /** A unit read from text, or why the text is no unit. */
  public record Reading(Unit unit, String problem) {
    public Optional<Unit> asOptional() {
      return Optional.ofNullable(unit);
    }
  }

  private final String code;
  private final Dimension dimension;
  private final UnitTerm term;
  private final BigDecimal toCanonical;

  private Unit(String code, Dimension dimension, UnitTerm term) {
    this.code = code;
    this.dimension = dimension;
    this.term = term;
    this.toCanonical = term.dividedBy(dimension.canonicalTerm()).decimalFactor();
  }

  /** Spellings seen in sources and queries: "eV/A", "kcal/mol/Angstrom", "J/K/mol", "us/atom". */
  public static Optional<Unit> parse(String text) {
    return read(text).asOptional();
  }

  /** {@link #parse}, saying why a text is no unit: "has the unknown symbol 'furlong'". */
  public static Reading read(String text) {
    if (text == null) {
      return new Reading(null, "is missing");
    }
    Reading known = READINGS.get(text);
    if (known != null) {
      return known;
    }
    Reading reading = readUncached(text);
    // Boards read the unit of every row; the texts stored are few. Full, the cache stops growing
    // rather than let request parameters fill memory.
    if (READINGS.size() < MAX_CACHED) {
      READINGS.put(text, reading);
    }
    return reading;
  }

  private static Reading readUncached(String text) {
    UnitParser.Parsed parsed;
    try {
      parsed = UnitParser.parse(text);
    } catch (UnitParser.Failure e) {
      return new Reading(null, e.getMessage());
    }
    Optional<Dimension> dimension = Dimension.of(parsed.term().exponents());
    if (dimension.isEmpty()) {
      return new Reading(
          null,
          "measures "
              + parsed.term().exponents().describe()
              + ", which is none of the dimensions "
              + WireNamed.wireNames(Dimension.class));
    }
    String code =
        PREFERRED == null
            ? parsed.spelling()
            : PREFERRED.stream()
                .filter(p -> p.term.sameAs(parsed.term()))
                .map(Unit::code)
                .findFirst()
                .orElse(parsed.spelling());
    return new Reading(new Unit(code, dimension.get(), parsed.term()), null);
  }

  private static Unit parseOwnSpelling(String code) {
    Unit unit = readUncached(code).asOptional().orElseThrow();
    if (!unit.code.equals(code)) {
      throw new IllegalStateException("preferred spelling " + code + " reads as " + unit.code);
    }
    return unit;
  }

  /** The units sources use most, each as its code: the examples messages give. */
  public static List<String> commonCodes() {
    return PREFERRED_SPELLINGS;
  }

  /** The symbols a unit may be built from. */
  public static List<String> symbols() {
    return UnitSymbols.all();
  }

  public String code() {
    return code;
  }

  public Dimension dimension() {
    return dimension;
  }

  /** The canonical unit of this unit's dimension. */
  public Unit canonical() {
    return parse(dimension.canonicalCode()).orElseThrow();
  }

  public BigDecimal toCanonical(BigDecimal value) {
    return value.multiply(toCanonical, MathContext.DECIMAL128);
  }

  /** Converts a value in this unit to {@code target}; the dimensions must agree. */
  public BigDecimal convert(BigDecimal value, Unit target) {
    if (target.dimension != dimension) {
      throw new IncompatibleUnitsException(this, target);
    }
    return toCanonical(value).divide(target.toCanonical, MathContext.DECIMAL128);
  }

  /**
   * {@link #convert} for output: the molar constants are exact to 16 digits only, so digits beyond
   * max(15, the input's precision) are rounding noise (1 kcal/mol reads 4.184 kJ/mol, not
   * 4.18399999…); exact factors such as eV → meV keep every reported digit.
   */
  public BigDecimal convertForDisplay(BigDecimal value, Unit target) {
    if (target.equals(this)) {
      return value;
    }
    int digits = Math.max(15, value.precision());
    BigDecimal r = convert(value, target).round(new MathContext(digits)).stripTrailingZeros();
    // Keep 1000, not 1E+3, in JSON and CSV.
    return r.scale() < 0 ? r.setScale(0) : r;
  }

  /** Units are equal when factor and dimension are, whatever their spelling. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Unit u && u.term.sameAs(term);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(term.numerator(), term.denominator(), term.exponents());
  }

  @Override
  public String toString() {
    return code;
  }
}
