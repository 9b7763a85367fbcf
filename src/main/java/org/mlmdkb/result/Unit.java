package org.mlmdkb.result;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.Optional;

/**
 * The units results are reported in, each with its dimension and an exact factor to the dimension's
 * canonical unit (meV, meV/atom, meV/Å, GPa, Å, cm⁻¹, fraction, count, s, K, meV/Å², meV/atom/ps,
 * µs/atom, Å³, Å³/atom, J/(K·mol)).
 */
public enum Unit {
  MEV("meV", Dimension.ENERGY, "1"),
  EV("eV", Dimension.ENERGY, "1000"),
  KCAL_PER_MOL("kcal/mol", Dimension.ENERGY, Constants.KCAL_PER_MOL_IN_MEV.toPlainString()),
  KJ_PER_MOL("kJ/mol", Dimension.ENERGY, Constants.KJ_PER_MOL_IN_MEV.toPlainString()),
  HARTREE("Ha", Dimension.ENERGY, Constants.HARTREE_IN_MEV.toPlainString()),
  MEV_PER_ATOM("meV/atom", Dimension.ENERGY_PER_ATOM, "1"),
  EV_PER_ATOM("eV/atom", Dimension.ENERGY_PER_ATOM, "1000"),
  MEV_PER_ANGSTROM("meV/Å", Dimension.FORCE, "1"),
  EV_PER_ANGSTROM("eV/Å", Dimension.FORCE, "1000"),
  KCAL_PER_MOL_ANGSTROM(
      "kcal/mol/Å", Dimension.FORCE, Constants.KCAL_PER_MOL_IN_MEV.toPlainString()),
  GPA("GPa", Dimension.STRESS, "1"),
  // 1 eV/Å³ = 1.602176634e-19 J / 1e-30 m³ = 160.2176634 GPa, exact since the 2019 SI.
  EV_PER_CUBIC_ANGSTROM("eV/Å³", Dimension.STRESS, "160.2176634"),
  ANGSTROM("Å", Dimension.LENGTH, "1"),
  WAVENUMBER("cm⁻¹", Dimension.WAVENUMBER, "1"),
  FRACTION("1", Dimension.DIMENSIONLESS, "1"),
  PERCENT("%", Dimension.DIMENSIONLESS, "0.01"),
  COUNT("count", Dimension.COUNT, "1"),
  SECOND("s", Dimension.TIME, "1"),
  KELVIN("K", Dimension.TEMPERATURE, "1"),
  MEV_PER_SQUARE_ANGSTROM("meV/Å²", Dimension.ENERGY_PER_AREA, "1"),
  EV_PER_SQUARE_ANGSTROM("eV/Å²", Dimension.ENERGY_PER_AREA, "1000"),
  // 1 mJ/m² = 1e-3 J / 1e20 Å² = 1e-23 J/Å², in meV/Å² 1e-20 / e (exact e, rounded to 16 digits).
  MILLIJOULE_PER_SQUARE_METRE(
      "mJ/m²", Dimension.ENERGY_PER_AREA, Constants.MJ_PER_M2_IN_MEV_PER_A2.toPlainString()),
  MEV_PER_ATOM_PER_PS("meV/atom/ps", Dimension.ENERGY_DRIFT, "1"),
  EV_PER_ATOM_PER_PS("eV/atom/ps", Dimension.ENERGY_DRIFT, "1000"),
  MICROSECOND_PER_ATOM("µs/atom", Dimension.TIME_PER_ATOM, "1"),
  CUBIC_ANGSTROM("Å³", Dimension.VOLUME, "1"),
  CUBIC_ANGSTROM_PER_ATOM("Å³/atom", Dimension.VOLUME_PER_ATOM, "1"),
  JOULE_PER_KELVIN_MOL("J/(K·mol)", Dimension.MOLAR_HEAT_CAPACITY, "1");

  /** What a unit measures; values convert only within one dimension. */
  public enum Dimension {
    ENERGY("meV"),
    ENERGY_PER_ATOM("meV/atom"),
    FORCE("meV/Å"),
    STRESS("GPa"),
    LENGTH("Å"),
    WAVENUMBER("cm⁻¹"),
    DIMENSIONLESS("1"),
    COUNT("count"),
    TIME("s"),
    TEMPERATURE("K"),
    ENERGY_PER_AREA("meV/Å²"),
    ENERGY_DRIFT("meV/atom/ps"),
    TIME_PER_ATOM("µs/atom"),
    VOLUME("Å³"),
    VOLUME_PER_ATOM("Å³/atom"),
    MOLAR_HEAT_CAPACITY("J/(K·mol)");

    private final String canonicalCode;

    Dimension(String canonicalCode) {
      this.canonicalCode = canonicalCode;
    }

    public String canonicalCode() {
      return canonicalCode;
    }
  }

  private final String code;
  private final Dimension dimension;
  private final BigDecimal toCanonical;

  Unit(String code, Dimension dimension, String toCanonical) {
    this.code = code;
    this.dimension = dimension;
    this.toCanonical = new BigDecimal(toCanonical);
  }

  public String code() {
    return code;
  }

  public Dimension dimension() {
    return dimension;
  }

  /** Spellings seen in sources and queries map to one unit: "eV/A", "eV/Angstrom", "kcal/mol/A". */
  public static Optional<Unit> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String normalised =
        text.strip()
            .replace("Angstrom", "Å")
            .replace("Ang", "Å")
            .replace("\u212B", "Å") // the Angstrom sign, a different code point from Å
            .replaceAll("(?<=/)A$", "Å")
            .replace("^3", "³")
            .replace("^2", "²")
            .replace("A³", "Å³")
            .replace("A²", "Å²")
            .replace("cm^-1", "cm⁻¹")
            .replace("cm-1", "cm⁻¹")
            .replaceAll("^1/cm$", "cm⁻¹")
            // The Greek mu (U+03BC) and "u" stand for the micro sign (U+00B5).
            .replaceAll("^[\u03BCu]s/", "µs/")
            .replaceAll("^J/K/mol$|^J/mol/K$|^J/\\(mol·K\\)$|^J/\\(K mol\\)$", "J/(K·mol)")
            .replace("hartree", "Ha")
            .replace("Hartree", "Ha");
    Optional<Unit> exact =
        Arrays.stream(values()).filter(u -> u.code.equals(normalised)).findFirst();
    // Case is forgiven ("ev/atom"), except a capital M: MeV is mega-, not milli-electronvolt.
    return exact.isPresent() || normalised.startsWith("M")
        ? exact
        : Arrays.stream(values()).filter(u -> u.code.equalsIgnoreCase(normalised)).findFirst();
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
    if (target == this) {
      return value;
    }
    int digits = Math.max(15, value.precision());
    BigDecimal r = convert(value, target).round(new MathContext(digits)).stripTrailingZeros();
    // Keep 1000, not 1E+3, in JSON and CSV.
    return r.scale() < 0 ? r.setScale(0) : r;
  }

  /** Physical constants, exact in the 2019 SI except the Hartree (CODATA 2022). */
  private static final class Constants {
    static final BigDecimal AVOGADRO = new BigDecimal("6.02214076e23");
    static final BigDecimal ELEMENTARY_CHARGE = new BigDecimal("1.602176634e-19");
    // 1 kJ/mol in meV = 1000 J / (N_A · e) · 1000 meV/eV.
    static final BigDecimal KJ_PER_MOL_IN_MEV =
        new BigDecimal("1e6")
            .divide(AVOGADRO.multiply(ELEMENTARY_CHARGE), MathContext.DECIMAL128)
            .round(MathContext.DECIMAL64);
    // The thermochemical calorie is exactly 4.184 J.
    static final BigDecimal KCAL_PER_MOL_IN_MEV =
        new BigDecimal("4.184e6")
            .divide(AVOGADRO.multiply(ELEMENTARY_CHARGE), MathContext.DECIMAL128)
            .round(MathContext.DECIMAL64);
    static final BigDecimal HARTREE_IN_MEV = new BigDecimal("27211.386245981");
    static final BigDecimal MJ_PER_M2_IN_MEV_PER_A2 =
        new BigDecimal("1e-20")
            .divide(ELEMENTARY_CHARGE, MathContext.DECIMAL128)
            .round(MathContext.DECIMAL64);
  }
}
