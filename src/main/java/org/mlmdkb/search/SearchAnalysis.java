package org.mlmdkb.search;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PatternKeywordMarkerFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterIterator;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.CharTokenizer;

/**
 * Text analysis of the index. Identifiers are kept whole and in parts: a token may hold letters,
 * digits, '-', '(' and ')', so "MACE-MP-0", "E(3)" and "CCSD(T)" reach the word delimiter intact,
 * which indexes the original (mace-mp-0), its parts (mace, mp, 0) and their concatenation
 * (macemp0). English stemming (potentials, potential → potenti) skips every token that holds a
 * digit or punctuation, so rMD17 or SO(3) are never stemmed.
 */
final class SearchAnalysis {

  private static final int DELIMITER_FLAGS =
      WordDelimiterGraphFilter.GENERATE_WORD_PARTS
          | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
          | WordDelimiterGraphFilter.CATENATE_ALL
          | WordDelimiterGraphFilter.PRESERVE_ORIGINAL;

  private static final int PART_FLAGS =
      WordDelimiterGraphFilter.GENERATE_WORD_PARTS | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS;

  /** Tokens that are identifiers, not English words: left unstemmed. */
  private static final Pattern IDENTIFIER = Pattern.compile(".*[^a-z].*");

  private SearchAnalysis() {}

  /** The analyzer documents are indexed with (text fields stemmed, plain fields not). */
  static Analyzer index() {
    return perField(new TextAnalyzer(true));
  }

  /** The analyzer queries are parsed with: the same chain, left as a graph for QueryBuilder. */
  static Analyzer query() {
    return perField(new TextAnalyzer(false));
  }

  /**
   * For snippets: identifier parts only, no whole forms stacked over them, so the highlighter marks
   * "equivariant" inside "E(3)-equivariant" rather than the whole identifier.
   */
  static Analyzer highlight() {
    return perField(new TextAnalyzer(true, PART_FLAGS));
  }

  /** Words of letters, digits, '-', '(' and ')': identifiers such as E(3) stay one word. */
  static Tokenizer wordTokenizer() {
    return CharTokenizer.fromTokenCharPredicate(
        c -> Character.isLetterOrDigit(c) || c == '-' || c == '(' || c == ')');
  }

  private static Analyzer perField(Analyzer text) {
    Analyzer plain = new PlainAnalyzer();
    Map<String, Analyzer> fields = new HashMap<>();
    fields.put(IndexFields.SPELL, plain);
    fields.put(IndexFields.SUGGEST_TITLE, plain);
    fields.put(IndexFields.AUTHORS, plain);
    // Concept fields hold synonym keys such as "ccsd(t)", each one token as written.
    Analyzer keys = new WhitespaceAnalyzer();
    IndexFields.CONCEPT_SOURCES.forEach(f -> fields.put(IndexFields.concepts(f), keys));
    return new PerFieldAnalyzerWrapper(text, fields);
  }

  private static final class TextAnalyzer extends Analyzer {
    private final boolean flatten;
    private final int delimiterFlags;

    TextAnalyzer(boolean flatten) {
      this(flatten, DELIMITER_FLAGS);
    }

    TextAnalyzer(boolean flatten, int delimiterFlags) {
      this.flatten = flatten;
      this.delimiterFlags = delimiterFlags;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = wordTokenizer();
      TokenStream s = new LowerCaseFilter(source);
      s = new ASCIIFoldingFilter(s);
      // Parts get their own offsets only when no whole form is stacked over them (offsets may
      // not go backwards): the highlighter needs them to mark a part.
      boolean partOffsets = (delimiterFlags & WordDelimiterGraphFilter.PRESERVE_ORIGINAL) == 0;
      s =
          new WordDelimiterGraphFilter(
              s, partOffsets, WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE, delimiterFlags, null);
      if (flatten) {
        // Index-time graphs must be flattened; queries keep the graph for exact phrase logic.
        s = new FlattenGraphFilter(s);
      }
      s = new EnglishPossessiveFilter(s);
      s = new StopFilter(s, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
      s = new PatternKeywordMarkerFilter(s, IDENTIFIER);
      s = new PorterStemFilter(s);
      return new TokenStreamComponents(source, s);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
  }

  /** Lower-cased, accent-free words, unstemmed: spelling, title completion, author names. */
  static final class PlainAnalyzer extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream s = new ASCIIFoldingFilter(new LowerCaseFilter(source));
      return new TokenStreamComponents(source, s);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
  }
}
