package org.mlmdkb.metric;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * A unit as an exact rational factor times powers of the base quantities (energy in eV, length in
 * Å, time in s, temperature in K, atoms, counted things). The mole is the number N_A, not a base
 * quantity: a molar energy is an energy per particle, as kcal/mol is read in MLIP benchmarks.
 */
record UnitTerm(BigInteger numerator, BigInteger denominator, Exponents exponents) {

  private static final BigInteger TWO = BigInteger.TWO;
  private static final BigInteger FIVE = BigInteger.valueOf(5);

  /** Powers of the base quantities; two units convert into each other only when these agree. */
  record Exponents(int energy, int length, int time, int temperature, int atom, int count) {

    static final Exponents NONE = new Exponents(0, 0, 0, 0, 0, 0);

    Exponents plus(Exponents o) {
      return new Exponents(
          energy + o.energy,
          length + o.length,
          time + o.time,
          temperature + o.temperature,
          atom + o.atom,
          count + o.count);
    }

    Exponents times(int n) {
      return new Exponents(energy * n, length * n, time * n, temperature * n, atom * n, count * n);
    }

    /** E.g. "energy·length⁻³", for messages about a unit no named dimension has. */
    String describe() {
      StringBuilder out = new StringBuilder();
      append(out, "energy", energy);
      append(out, "length", length);
      append(out, "time", time);
      append(out, "temperature", temperature);
      append(out, "atom", atom);
      append(out, "count", count);
      return out.isEmpty() ? "a pure number" : out.toString();
    }

    private static void append(StringBuilder out, String name, int power) {
      if (power == 0) {
        return;
      }
      if (!out.isEmpty()) {
        out.append('·');
      }
      out.append(name);
      if (power != 1) {
        out.append(Superscripts.of(power));
      }
    }
  }

  UnitTerm {
    if (denominator.signum() < 0) {
      numerator = numerator.negate();
      denominator = denominator.negate();
    }
    BigInteger gcd = numerator.gcd(denominator);
    if (!gcd.equals(BigInteger.ONE) && gcd.signum() != 0) {
      numerator = numerator.divide(gcd);
      denominator = denominator.divide(gcd);
    }
  }

  /** {@code factor} (an exact decimal) of the base unit raised to {@code exponents}. */
  static UnitTerm of(String factor, Exponents exponents) {
    BigDecimal d = new BigDecimal(factor);
    return d.scale() > 0
        ? new UnitTerm(d.unscaledValue(), BigInteger.TEN.pow(d.scale()), exponents)
        : new UnitTerm(d.toBigIntegerExact(), BigInteger.ONE, exponents);
  }

  static final UnitTerm ONE = new UnitTerm(BigInteger.ONE, BigInteger.ONE, Exponents.NONE);

  UnitTerm times(UnitTerm o) {
    return new UnitTerm(
        numerator.multiply(o.numerator),
        denominator.multiply(o.denominator),
        exponents.plus(o.exponents));
  }

  UnitTerm dividedBy(UnitTerm o) {
    return new UnitTerm(
        numerator.multiply(o.denominator),
        denominator.multiply(o.numerator),
        exponents.plus(o.exponents.times(-1)));
  }

  UnitTerm pow(int n) {
    UnitTerm base = n < 0 ? ONE.dividedBy(this) : this;
    int m = Math.abs(n);
    return new UnitTerm(base.numerator.pow(m), base.denominator.pow(m), exponents.times(n));
  }

  /** Same factor and dimension: the same unit, however it was spelt. */
  boolean sameAs(UnitTerm o) {
    return numerator.equals(o.numerator)
        && denominator.equals(o.denominator)
        && exponents.equals(o.exponents);
  }

  /**
   * The factor as a decimal: exact when it has a finite decimal expansion (eV → meV is 1000, eV/Å³
   * → GPa 160.2176634), otherwise rounded to 16 significant digits (kcal/mol → meV is 4184 J / (N_A
   * e) = 43.36410424180094…; the constants behind it are exact, its decimal expansion is not).
   */
  BigDecimal decimalFactor() {
    BigInteger rest = denominator;
    while (rest.mod(TWO).signum() == 0) {
      rest = rest.divide(TWO);
    }
    while (rest.mod(FIVE).signum() == 0) {
      rest = rest.divide(FIVE);
    }
    BigDecimal n = new BigDecimal(numerator);
    BigDecimal d = new BigDecimal(denominator);
    if (rest.equals(BigInteger.ONE)) {
      // A finite expansion: divide without a MathContext is exact here. Scale 0 at least, so a
      // factor of 1000 multiplies 0.05 into 50.00, as stored canonical values always were.
      BigDecimal exact = n.divide(d).stripTrailingZeros();
      return exact.scale() < 0 ? exact.setScale(0) : exact;
    }
    return n.divide(d, MathContext.DECIMAL64);
  }
}
