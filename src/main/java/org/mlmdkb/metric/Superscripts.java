package org.mlmdkb.metric;

/** Exponents written as superscripts (² ³ ⁻¹), the way unit codes spell them. */
final class Superscripts {

  private static final String DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

  private Superscripts() {}

  static String of(int power) {
    StringBuilder out = new StringBuilder(power < 0 ? "⁻" : "");
    for (char c : Integer.toString(Math.abs(power)).toCharArray()) {
      out.append(DIGITS.charAt(c - '0'));
    }
    return out.toString();
  }

  static boolean isDigit(char c) {
    return DIGITS.indexOf(c) >= 0;
  }

  static int digit(char c) {
    return DIGITS.indexOf(c);
  }

  static boolean isMinus(char c) {
    return c == '⁻';
  }
}
