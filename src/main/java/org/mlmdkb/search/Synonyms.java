package org.mlmdkb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.CharsRefBuilder;
import org.apache.lucene.util.graph.GraphTokenStreamFiniteStrings;

/**
 * Curated acronyms and synonyms of the field, matched in queries by Lucene's SynonymGraphFilter.
 * Each group lists equivalent forms; a run of query words equal to any form (or to its plural) also
 * matches every other form. The filter runs over the query's words before identifier splitting and
 * stemming (SearchAnalysis), which cannot take a token graph as input; each form it yields is then
 * analysed like any query word.
 */
public final class Synonyms {

  private static final List<List<String>> GROUPS =
      List.of(
          List.of(
              "mlip",
              "mlips",
              "machine learning interatomic potential",
              "machine-learned interatomic potential",
              "machine learning potential",
              "machine-learned potential"),
          List.of("mlff", "machine learning force field", "machine-learned force field"),
          List.of("nnp", "nnps", "neural network potential"),
          List.of("hdnnp", "high-dimensional neural network potential"),
          List.of("gnn", "gnns", "graph neural network"),
          List.of("mpnn", "message passing neural network", "message passing"),
          List.of("dft", "density functional theory"),
          List.of("aimd", "ab initio molecular dynamics"),
          List.of("md", "molecular dynamics"),
          List.of("pes", "potential energy surface"),
          List.of("gp", "gaussian process"),
          List.of("gpr", "gaussian process regression"),
          List.of("uip", "universal interatomic potential", "universal potential"),
          List.of("ccsd(t)", "coupled cluster"),
          List.of("uq", "uncertainty quantification"),
          List.of("e(3)", "e3", "euclidean"),
          List.of("so(3)", "so3", "rotation equivariant"));

  private static final SynonymMap MAP = map();

  /** Word characters as in SearchAnalysis, so "e(3)" and "machine-learned" are one word. */
  private static final Analyzer ANALYZER =
      new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
          Tokenizer source = SearchAnalysis.wordTokenizer();
          TokenStream s = new ASCIIFoldingFilter(new LowerCaseFilter(source));
          return new TokenStreamComponents(source, new SynonymGraphFilter(s, MAP, true));
        }
      };

  private static final String ORIGINAL = "word";

  /**
   * Words of the query from {@code start} to {@code end} (character offsets) that form one of the
   * curated terms, and the other forms of that term.
   */
  record Match(int start, int end, List<String> forms) {}

  private Synonyms() {}

  /** Every form maps to every other; a form's plural (a final "s") maps like the form. */
  private static SynonymMap map() {
    SynonymMap.Builder b = new SynonymMap.Builder(true);
    for (List<String> group : GROUPS) {
      for (String input : group) {
        Set<String> inputs = new LinkedHashSet<>(List.of(input));
        if (!input.endsWith("s")) {
          inputs.add(input + "s");
        }
        for (String in : inputs) {
          for (String out : group) {
            if (!out.equals(input) && !out.equals(in)) {
              b.add(chars(in), chars(out), true);
            }
          }
        }
      }
    }
    try {
      return b.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static org.apache.lucene.util.CharsRef chars(String form) {
    return SynonymMap.Builder.join(form.split(" "), new CharsRefBuilder());
  }

  /** The other forms of {@code text} when it is, as a whole, one of the curated terms. */
  static List<String> whole(String text) {
    List<Match> found = find(text);
    if (found.size() != 1) {
      return List.of();
    }
    Match m = found.get(0);
    boolean all =
        !ParsedQuery.hasSearchableCharacter(text.substring(0, m.start()))
            && !ParsedQuery.hasSearchableCharacter(text.substring(m.end()));
    return all ? m.forms() : List.of();
  }

  /** The curated terms found in {@code text}, longest first where they overlap, in order. */
  static List<Match> find(String text) {
    List<Match> out = new ArrayList<>();
    try (TokenStream ts = ANALYZER.tokenStream("", text)) {
      GraphTokenStreamFiniteStrings graph = new GraphTokenStreamFiniteStrings(ts);
      int[] cuts = graph.articulationPoints();
      int from = 0;
      for (int i = 0; i <= cuts.length; i++) {
        int to = i < cuts.length ? cuts[i] : -1;
        Match m = match(graph.getFiniteStrings(from, to));
        if (m != null) {
          out.add(m);
        }
        from = to;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** One segment of the graph: a match when it has paths besides the typed words. */
  private static Match match(Iterator<TokenStream> paths) throws IOException {
    int start = Integer.MAX_VALUE;
    int end = -1;
    List<String> forms = new ArrayList<>();
    while (paths.hasNext()) {
      TokenStream path = paths.next();
      CharTermAttribute term = path.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = path.addAttribute(OffsetAttribute.class);
      TypeAttribute type = path.addAttribute(TypeAttribute.class);
      List<String> words = new ArrayList<>();
      boolean original = true;
      path.reset();
      while (path.incrementToken()) {
        words.add(term.toString());
        original &= ORIGINAL.equals(type.type());
        start = Math.min(start, offset.startOffset());
        end = Math.max(end, offset.endOffset());
      }
      if (!original) {
        forms.add(String.join(" ", words));
      }
    }
    return forms.isEmpty() ? null : new Match(start, end, List.copyOf(forms));
  }
}
