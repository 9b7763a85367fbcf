package org.mlmdkb.search;

import static org.mlmdkb.search.IndexFields.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceFilter;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup.LookupResult;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.search.suggest.analyzing.FuzzySuggester;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.mlmdkb.search.SearchDtos.Suggestion;

/**
 * Completion of names (lucene-suggest), built from one reader of the index: method and dataset
 * names and aliases and tag labels by the prefix of any of their words (AnalyzingInfixSuggester),
 * and method and dataset names within one typo (FuzzySuggester). Built again for each new reader,
 * from the few hundred documents of those kinds only, so a deleted tag is gone as soon as the index
 * has applied the delete. Authors, one per live paper's author, are kept by AuthorSuggester.
 */
final class NameSuggester implements AutoCloseable {

  /** Names of methods and datasets, then tags, then authors; shorter names first within each. */
  static final Map<String, Long> TIER =
      Map.of("method", 3_000_000L, "dataset", 3_000_000L, "tag", 2_000_000L, "author", 1_000_000L);

  /** Separates the parts of a payload; lucene-suggest reserves U+001F (LABEL_SEPARATOR). */
  static final char SEP = '\u0001';

  private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");

  /** The reader this was built from: its directory and version (the reader itself may close). */
  private final Object directory;

  private final long version;
  private final ByteBuffersDirectory infixDir = new ByteBuffersDirectory();
  private final AnalyzingInfixSuggester infix;
  private final FuzzySuggester fuzzy;

  /** One name to complete: what is matched, what is shown, its kind and id. */
  record Entry(String matched, String shown, String type, String id) {}

  private NameSuggester(IndexReader reader) throws IOException {
    this.directory = reader instanceof DirectoryReader d ? d.directory() : reader;
    this.version = reader instanceof DirectoryReader d ? d.getVersion() : -1;
    List<Entry> names = new ArrayList<>();
    List<Entry> entityNames = new ArrayList<>();
    read(reader, names, entityNames);
    infix = new AnalyzingInfixSuggester(infixDir, wordParts(), typedWords(), 4, false, true, false);
    infix.build(new Entries(names));
    fuzzy = new FuzzySuggester(new ByteBuffersDirectory(), "names", typedWords());
    fuzzy.build(new Entries(entityNames));
  }

  static NameSuggester build(IndexReader reader) throws IOException {
    return new NameSuggester(reader);
  }

  /** True when {@code reader} holds changes this suggester was not built from. */
  boolean olderThan(IndexReader reader) {
    if (reader instanceof DirectoryReader d && d.directory() == directory) {
      return d.getVersion() > version;
    }
    return true;
  }

  /** Names with a word starting with each typed word, best tier first, at most {@code n}. */
  List<Suggestion> byPrefix(String typed, int n) throws IOException {
    if (!hasWord(typed)) {
      return List.of();
    }
    return suggestions(infix.lookup(typed, (Set<BytesRef>) null, n, true, false));
  }

  /** Method and dataset names within one edit of what is typed (as a prefix). */
  List<Suggestion> byTypo(String typed, int n) throws IOException {
    if (!hasWord(typed) || fuzzy.getCount() == 0) {
      return List.of();
    }
    return suggestions(fuzzy.lookup(typed, false, n));
  }

  static boolean hasWord(String typed) {
    return typed != null && !NOT_ALNUM.matcher(typed).replaceAll("").isEmpty();
  }

  static List<Suggestion> suggestions(List<LookupResult> results) {
    List<Suggestion> out = new ArrayList<>();
    for (LookupResult r : results) {
      String[] p = r.payload.utf8ToString().split(String.valueOf(SEP), -1);
      out.add(new Suggestion(p[2], p[0], p[1]));
    }
    return out;
  }

  /** Every live method, dataset and tag of the reader, found by their type rather than a scan. */
  private static void read(IndexReader reader, List<Entry> names, List<Entry> entityNames)
      throws IOException {
    IndexSearcher searcher = new IndexSearcher(reader);
    Query kinds =
        new TermInSetQuery(
            TYPE, List.of(new BytesRef("method"), new BytesRef("dataset"), new BytesRef("tag")));
    for (LeafReaderContext leaf : reader.leaves()) {
      Weight weight =
          searcher.createWeight(searcher.rewrite(kinds), ScoreMode.COMPLETE_NO_SCORES, 1f);
      Scorer scorer = weight.scorer(leaf);
      if (scorer == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      StoredFields stored = leaf.reader().storedFields();
      DocIdSetIterator docs = scorer.iterator();
      for (int i = docs.nextDoc(); i != DocIdSetIterator.NO_MORE_DOCS; i = docs.nextDoc()) {
        if (live != null && !live.get(i)) {
          continue;
        }
        Document d = stored.document(i, Set.of(TYPE, REF, TITLE, ALIAS, TAG_LABEL));
        String type = d.get(TYPE);
        if (type.equals("tag")) {
          String label = d.get(TAG_LABEL);
          names.add(new Entry(label, label, "tag", d.get(REF)));
          continue;
        }
        String name = d.get(TITLE);
        List<String> forms = new ArrayList<>(List.of(name));
        forms.addAll(List.of(d.getValues(ALIAS)));
        for (String form : forms) {
          Entry e = new Entry(form, name, type, d.get(REF));
          names.add(e);
          entityNames.add(e);
        }
      }
    }
  }

  /**
   * Names as indexed: lower-cased, accent-free words, each identifier also in parts and joined
   * ("MACE-MP-0" → mace, mp, 0, macemp0), so "mace mp" and "mace-mp" both complete it.
   */
  static Analyzer wordParts() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = SearchAnalysis.wordTokenizer();
        TokenStream s = new ASCIIFoldingFilter(new LowerCaseFilter(source));
        s =
            new WordDelimiterGraphFilter(
                s,
                WordDelimiterGraphFilter.GENERATE_WORD_PARTS
                    | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
                    | WordDelimiterGraphFilter.CATENATE_ALL,
                null);
        return new TokenStreamComponents(source, new FlattenGraphFilter(s));
      }
    };
  }

  /** What is typed: each space-separated word lower-cased, accent-free, punctuation removed. */
  static Analyzer typedWords() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new WhitespaceTokenizer();
        TokenStream s = new ASCIIFoldingFilter(new LowerCaseFilter(source));
        s = new PatternReplaceFilter(s, NOT_ALNUM, "", true);
        return new TokenStreamComponents(source, new LengthFilter(s, 1, Integer.MAX_VALUE));
      }
    };
  }

  @Override
  public void close() throws IOException {
    infix.close();
    infixDir.close();
  }

  /** The entries as lucene-suggest reads them: the shown name, kind and id in the payload. */
  static final class Entries implements InputIterator {
    private final Iterator<Entry> it;
    private Entry current;

    Entries(List<Entry> entries) {
      this.it = entries.iterator();
    }

    @Override
    public BytesRef next() {
      if (!it.hasNext()) {
        current = null;
        return null;
      }
      current = it.next();
      return new BytesRef(current.matched());
    }

    @Override
    public long weight() {
      return TIER.get(current.type()) - Math.min(current.shown().length(), 999);
    }

    @Override
    public BytesRef payload() {
      return new BytesRef(
          (current.type() + SEP + current.id() + SEP + current.shown())
              .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean hasPayloads() {
      return true;
    }

    @Override
    public Set<BytesRef> contexts() {
      return null;
    }

    @Override
    public boolean hasContexts() {
      return false;
    }
  }
}
