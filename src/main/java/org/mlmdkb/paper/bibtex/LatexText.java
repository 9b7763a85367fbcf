package org.mlmdkb.paper.bibtex;

import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The LaTeX text-mode accents and special letters, turned into Unicode before jbibtex sees the
 * text: jbibtex's own table lacks some ({@code \c{S}} lost its cedilla). Every accent of LaTeX's
 * text mode (as listed in the LaTeX2e font encoding guide: grave, acute, circumflex, umlaut, tilde,
 * macron, dot, breve, caron, double acute, cedilla, ogonek, ring, dot below, bar below, tie)
 * becomes its Unicode combining mark, composed (NFC) with the letter it sits on.
 */
final class LatexText {

  private static final Map<String, Character> ACCENTS =
      Map.ofEntries(
          Map.entry("`", '\u0300'),
          Map.entry("'", '\u0301'),
          Map.entry("^", '\u0302'),
          Map.entry("\"", '\u0308'),
          Map.entry("~", '\u0303'),
          Map.entry("=", '\u0304'),
          Map.entry(".", '\u0307'),
          Map.entry("u", '\u0306'),
          Map.entry("v", '\u030C'),
          Map.entry("H", '\u030B'),
          Map.entry("c", '\u0327'),
          Map.entry("k", '\u0328'),
          Map.entry("r", '\u030A'),
          Map.entry("d", '\u0323'),
          Map.entry("b", '\u0331'),
          Map.entry("t", '\u0361'));

  private static final Map<String, String> LETTERS =
      Map.ofEntries(
          Map.entry("ss", "ß"),
          Map.entry("SS", "SS"),
          Map.entry("o", "ø"),
          Map.entry("O", "Ø"),
          Map.entry("l", "ł"),
          Map.entry("L", "Ł"),
          Map.entry("ae", "æ"),
          Map.entry("AE", "Æ"),
          Map.entry("oe", "œ"),
          Map.entry("OE", "Œ"),
          Map.entry("aa", "å"),
          Map.entry("AA", "Å"),
          Map.entry("i", "ı"),
          Map.entry("j", "ȷ"),
          Map.entry("dh", "ð"),
          Map.entry("DH", "Ð"),
          Map.entry("th", "þ"),
          Map.entry("TH", "Þ"),
          Map.entry("ng", "ŋ"),
          Map.entry("NG", "Ŋ"),
          Map.entry("dj", "đ"),
          Map.entry("DJ", "Đ"));

  // \c{S}, \c S, \'{e}, \'e, \"{\i}: a symbol accent takes the next letter directly, a letter
  // accent needs braces or a space before its argument. Braces around the whole are left to
  // jbibtex, which drops them.
  private static final Pattern ACCENT =
      Pattern.compile(
          "\\\\(?:([`'^\"~=.])|([uvHckrdbt])(?=[\\s{]))\\s*"
              + "(?:\\{\\s*(\\\\?[A-Za-z])\\s*\\}|(\\\\?[A-Za-z]))");

  private static final Pattern LETTER =
      Pattern.compile(
          "\\\\(ss|SS|ae|AE|oe|OE|aa|AA|dh|DH|th|TH|ng|NG|dj|DJ|[oOlLij])(?![A-Za-z])(?:\\{\\})?");

  private LatexText() {}

  /** Accents and special letters as Unicode; everything else is left for jbibtex. */
  static String unicode(String latex) {
    if (latex.indexOf('\\') < 0) {
      return latex;
    }
    String text = replaceAccents(latex);
    Matcher m = LETTER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(LETTERS.get(m.group(1))));
    }
    m.appendTail(out);
    return Normalizer.normalize(out.toString(), Normalizer.Form.NFC);
  }

  private static String replaceAccents(String text) {
    Matcher m = ACCENT.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String command = m.group(1) != null ? m.group(1) : m.group(2);
      String base = m.group(3) != null ? m.group(3) : m.group(4);
      if (base.startsWith("\\")) {
        // A dotless i or j under an accent is written \i, \j: the accent supplies its own dot.
        base = base.substring(1);
      }
      String accented = Normalizer.normalize(base + ACCENTS.get(command), Normalizer.Form.NFC);
      m.appendReplacement(out, Matcher.quoteReplacement(accented));
    }
    m.appendTail(out);
    return out.toString();
  }
}
