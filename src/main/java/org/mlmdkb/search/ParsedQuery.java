package org.mlmdkb.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The search language: plain words (all must match), "quoted phrases", -exclusion and OR between
 * two terms. It never fails: an unbalanced quote closes at the end of the text, a lone "-" or "OR"
 * is ignored, and every other character is left to PostgreSQL's text-search parser, which drops
 * punctuation. At most {@link #MAX_CLAUSES} clauses are kept so one request cannot build a huge
 * query.
 */
public record ParsedQuery(List<Clause> clauses) {

  static final int MAX_CLAUSES = 16;

  /** One alternative: a word or a phrase, matched as a phrase of its lexemes. */
  public record Term(String text, boolean quoted) {}

  /** Alternatives joined by OR; a negated clause excludes documents matching any of them. */
  public record Clause(List<Term> terms, boolean negated) {}

  public static ParsedQuery parse(String q) {
    List<Clause> clauses = new ArrayList<>();
    if (q == null) {
      return new ParsedQuery(clauses);
    }
    int i = 0;
    int n = q.length();
    boolean orPending = false;
    while (i < n && clauses.size() < MAX_CLAUSES) {
      char c = q.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      boolean negated = false;
      if (c == '-' && i + 1 < n && !Character.isWhitespace(q.charAt(i + 1))) {
        negated = true;
        i++;
        c = q.charAt(i);
      }
      Term term;
      if (c == '"') {
        int end = q.indexOf('"', i + 1);
        int stop = end < 0 ? n : end;
        term = new Term(q.substring(i + 1, stop).strip(), true);
        i = end < 0 ? n : end + 1;
      } else {
        int start = i;
        while (i < n && !Character.isWhitespace(q.charAt(i)) && q.charAt(i) != '"') {
          i++;
        }
        String word = q.substring(start, i);
        if (!negated && (word.equals("OR") || word.equals("|"))) {
          orPending = !clauses.isEmpty();
          continue;
        }
        term = new Term(word, false);
      }
      if (term.text().isEmpty() || !hasSearchableCharacter(term.text())) {
        continue;
      }
      Clause last = clauses.isEmpty() ? null : clauses.get(clauses.size() - 1);
      if (orPending && last != null && last.negated() == negated) {
        List<Term> terms = new ArrayList<>(last.terms());
        terms.add(term);
        clauses.set(clauses.size() - 1, new Clause(terms, negated));
      } else {
        clauses.add(new Clause(List.of(term), negated));
      }
      orPending = false;
    }
    return new ParsedQuery(List.copyOf(clauses));
  }

  /** True when no clause can match anything: empty, or only exclusions. */
  public boolean hasNoPositiveClause() {
    return clauses.stream().allMatch(Clause::negated);
  }

  /** The unquoted, non-negated single words, in order (for corrections and synonyms). */
  public List<String> plainWords() {
    List<String> out = new ArrayList<>();
    for (Clause c : clauses) {
      if (!c.negated() && c.terms().size() == 1 && !c.terms().get(0).quoted()) {
        out.add(c.terms().get(0).text());
      }
    }
    return out;
  }

  static boolean hasSearchableCharacter(String text) {
    return text.codePoints().anyMatch(Character::isLetterOrDigit);
  }

  /**
   * The form identifiers are compared in: lower case, letters and digits only, so MACE-MP-0, mace
   * mp 0 and macemp0 are the same name. Accents are removed in SQL (kb_ident) as well as here.
   */
  public static String ident(String text) {
    String folded =
        java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT);
    return folded.replaceAll("[^a-z0-9]+", "");
  }
}
