package org.mlmdkb.metric;

/**
 * Reads a unit written as products and quotients of {@link UnitSymbols}, left to right as sources
 * mean them: kcal/mol/Å is (kcal/mol)/Å, eV/atom/ps is an energy per atom per picosecond. Products
 * are written ·, *, ⋅ or a space; powers as ² ³ ⁻¹, ^2, ^-1 or -1 (cm-1); parentheses group; 1
 * stands for the pure number (1/cm). The spelling it returns is the text normalised: symbols as
 * codes spell them, products as ·, powers as superscripts.
 */
final class UnitParser {

  /** Longest unit text read; bounds the work and the nesting of parentheses. */
  static final int MAX_LENGTH = 64;

  /** Largest power of one factor (Å³ needs 3; nothing real needs more than a few). */
  static final int MAX_POWER = 9;

  record Parsed(UnitTerm term, String spelling) {}

  /** Why a text is no unit; the message completes "unit 'x' …". */
  static final class Failure extends Exception {
    Failure(String message) {
      super(message, null, false, false);
    }
  }

  private final String text;
  private int pos;

  private UnitParser(String text) {
    this.text = text;
  }

  static Parsed parse(String raw) throws Failure {
    String text = raw.strip();
    if (text.isEmpty()) {
      throw new Failure("is empty");
    }
    if (text.length() > MAX_LENGTH) {
      throw new Failure("is longer than " + MAX_LENGTH + " characters");
    }
    UnitParser parser = new UnitParser(text);
    Parsed unit = parser.expression();
    if (parser.pos < text.length()) {
      throw new Failure("has an unexpected '" + text.charAt(parser.pos) + "'");
    }
    return unit;
  }

  private Parsed expression() throws Failure {
    Parsed left = factor();
    while (true) {
      int before = pos;
      boolean spaced = skipSpaces();
      if (pos >= text.length()) {
        return left;
      }
      char c = text.charAt(pos);
      if (c == '/') {
        pos++;
        skipSpaces();
        Parsed right = factor();
        left =
            new Parsed(
                left.term().dividedBy(right.term()), left.spelling() + "/" + right.spelling());
      } else if (isProductSign(c) || spaced && startsFactor(c)) {
        if (isProductSign(c)) {
          pos++;
          skipSpaces();
        }
        Parsed right = factor();
        left =
            new Parsed(left.term().times(right.term()), left.spelling() + "·" + right.spelling());
      } else {
        pos = before;
        return left;
      }
    }
  }

  private Parsed factor() throws Failure {
    Parsed base = primary();
    int power = power();
    return power == 1
        ? base
        : new Parsed(base.term().pow(power), base.spelling() + Superscripts.of(power));
  }

  private Parsed primary() throws Failure {
    if (pos >= text.length()) {
      throw new Failure("ends where a unit symbol was expected");
    }
    char c = text.charAt(pos);
    if (c == '(') {
      pos++;
      skipSpaces();
      Parsed inner = expression();
      skipSpaces();
      if (pos >= text.length() || text.charAt(pos) != ')') {
        throw new Failure("has an unclosed '('");
      }
      pos++;
      return new Parsed(inner.term(), "(" + inner.spelling() + ")");
    }
    if (c == '1' && !(pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
      pos++;
      return new Parsed(UnitTerm.ONE, "1");
    }
    if (c == '%') {
      pos++;
      return new Parsed(UnitSymbols.term("%"), "%");
    }
    if (!Character.isLetter(c)) {
      throw new Failure("has an unexpected '" + c + "'");
    }
    int start = pos;
    while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
      pos++;
    }
    String written = text.substring(start, pos);
    String symbol =
        UnitSymbols.resolve(written)
            .orElseThrow(() -> new Failure("has the unknown symbol '" + written + "'"));
    return new Parsed(UnitSymbols.term(symbol), symbol);
  }

  /** The power written after a factor, 1 when none. */
  private int power() throws Failure {
    if (pos >= text.length()) {
      return 1;
    }
    char c = text.charAt(pos);
    int sign = 1;
    StringBuilder digits = new StringBuilder();
    if (Superscripts.isMinus(c) || Superscripts.isDigit(c)) {
      if (Superscripts.isMinus(c)) {
        sign = -1;
        pos++;
      }
      while (pos < text.length() && Superscripts.isDigit(text.charAt(pos))) {
        digits.append(Superscripts.digit(text.charAt(pos++)));
      }
    } else if (c == '^'
        || c == '-' && pos + 1 < text.length() && isAsciiDigit(text.charAt(pos + 1))) {
      if (c == '^') {
        pos++;
      }
      if (pos < text.length() && text.charAt(pos) == '-') {
        sign = -1;
        pos++;
      }
      while (pos < text.length() && isAsciiDigit(text.charAt(pos))) {
        digits.append(text.charAt(pos++));
      }
    } else {
      return 1;
    }
    if (digits.isEmpty()) {
      throw new Failure("has a power without digits");
    }
    if (digits.length() > 1 || digits.charAt(0) == '0') {
      throw new Failure("has a power outside 1.." + MAX_POWER + " (or its negative)");
    }
    return sign * (digits.charAt(0) - '0');
  }

  private boolean skipSpaces() {
    int start = pos;
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
    return pos > start;
  }

  private static boolean isProductSign(char c) {
    return c == '·' || c == '*' || c == '⋅';
  }

  private static boolean startsFactor(char c) {
    return c == '(' || c == '%' || c == '1' || Character.isLetter(c);
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
