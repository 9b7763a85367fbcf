package org.mlmdkb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

  /**
   * Every multi-word form (and its plural), as the words {@link #words} makes of it, to its key:
   * its words joined by '_'. Documents carry the keys of the forms they contain (the concept fields
   * of IndexDocuments), so a query matches such a form by one term instead of a phrase per form and
   * field, which on common words ("machine learning potential") cost more than the rest of the
   * query together.
   */
  private static final Map<String, String> KEYS = keys();

  /** The forms of each key by their first word, for finding them in a document's words. */
  private static final Map<String, List<List<String>>> BY_FIRST_WORD = byFirstWord();

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

  private static Map<String, String> keys() {
    Map<String, String> out = new HashMap<>();
    for (List<String> group : GROUPS) {
      for (String form : group) {
        List<String> w = words(form);
        if (w.size() > 1) {
          String text = String.join(" ", w);
          out.put(text, String.join("_", w));
          out.putIfAbsent(text + "s", String.join("_", w));
        }
      }
    }
    return Map.copyOf(out);
  }

  private static Map<String, List<List<String>>> byFirstWord() {
    Map<String, List<List<String>>> out = new HashMap<>();
    for (String form : KEYS.keySet()) {
      List<String> w = List.of(form.split(" "));
      out.computeIfAbsent(w.get(0), k -> new ArrayList<>()).add(w);
    }
    return out;
  }

  /** The key of {@code form} when it is a curated form of several words, else null. */
  static String multiWordKey(String form) {
    List<String> w = words(form);
    return w.size() < 2 ? null : KEYS.get(String.join(" ", w));
  }

  /**
   * The keys of the curated multi-word forms in {@code text}, one per occurrence, space-separated
   * (null for none). Forms inside longer ones count too: "ab initio molecular dynamics" is also
   * "molecular dynamics".
   */
  static String keysIn(String text) {
    if (text == null) {
      return null;
    }
    List<String> w = words(text);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < w.size(); i++) {
      List<List<String>> candidates = BY_FIRST_WORD.get(w.get(i));
      if (candidates == null) {
        continue;
      }
      Set<String> here = new HashSet<>();
      for (List<String> form : candidates) {
        if (i + form.size() <= w.size() && w.subList(i, i + form.size()).equals(form)) {
          String key = KEYS.get(String.join(" ", form));
          if (here.add(key)) {
            out.append(out.length() == 0 ? "" : " ").append(key);
          }
        }
      }
    }
    return out.length() == 0 ? null : out.toString();
  }

  /**
   * Lower-cased, accent-free words of letters, digits and parentheses; a hyphen separates words
   * ("machine-learned" is "machine learned") and parentheses around a word are not part of it
   * ("(MLIPs)" is "mlips", "E(3)" stays "e(3)").
   */
  static List<String> words(String text) {
    char[] folded = new char[text.length() * 4];
    char[] in = text.toLowerCase(Locale.ROOT).toCharArray();
    int n = ASCIIFoldingFilter.foldToASCII(in, 0, folded, 0, in.length);
    List<String> out = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= n; i++) {
      char c = i < n ? folded[i] : ' ';
      boolean wordChar = Character.isLetterOrDigit(c) || c == '(' || c == ')';
      if (wordChar && start < 0) {
        start = i;
      } else if (!wordChar && start >= 0) {
        String word = unwrap(new String(folded, start, i - start));
        if (!word.isEmpty()) {
          out.add(word);
        }
        start = -1;
      }
    }
    return out;
  }

  /** A word without the parentheses around it or left open by it. */
  private static String unwrap(String w) {
    if (w.length() > 1 && w.charAt(0) == '(' && w.charAt(w.length() - 1) == ')') {
      String inner = w.substring(1, w.length() - 1);
      if (balanced(inner)) {
        w = inner;
      }
    }
    while (!w.isEmpty() && w.charAt(0) == '(' && opens(w) > closes(w)) {
      w = w.substring(1);
    }
    while (!w.isEmpty() && w.charAt(w.length() - 1) == ')' && closes(w) > opens(w)) {
      w = w.substring(0, w.length() - 1);
    }
    return w;
  }

  private static boolean balanced(String w) {
    int depth = 0;
    for (int i = 0; i < w.length(); i++) {
      depth += w.charAt(i) == '(' ? 1 : w.charAt(i) == ')' ? -1 : 0;
      if (depth < 0) {
        return false;
      }
    }
    return depth == 0;
  }

  private static long opens(String w) {
    return w.chars().filter(c -> c == '(').count();
  }

  private static long closes(String w) {
    return w.chars().filter(c -> c == ')').count();
  }

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
