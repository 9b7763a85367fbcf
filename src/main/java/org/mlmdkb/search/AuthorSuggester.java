package org.mlmdkb.search;

import static org.mlmdkb.search.IndexFields.AUTHOR_REF;
import static org.mlmdkb.search.IndexFields.LABEL_SEPARATOR;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.suggest.Lookup.LookupResult;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.mlmdkb.search.SearchDtos.Suggestion;

/**
 * Completion of the authors of live papers by the prefix of any word of their names, kept up to
 * date as the index changes instead of being rebuilt: built again from every paper for each new
 * reader, it cost 8-13 s on the first /suggest after any write at 100,000 papers. Each segment of
 * the index is read once, by the terms of its author field (one per distinct author, not one per
 * paper), and authors not seen before are added; an author whose papers are all deleted is still in
 * the suggester but no longer offered, since every suggestion is checked against the reader of the
 * request.
 */
final class AuthorSuggester implements AutoCloseable {

  /** Looked up beyond what is asked, so authors of deleted papers cannot crowd out live ones. */
  private static final int OVERFETCH = 3;

  private final ByteBuffersDirectory dir = new ByteBuffersDirectory();
  private final AnalyzingInfixSuggester infix;

  /** The segments already read, by their core key; segments are immutable. */
  private final Set<Object> seenSegments = new HashSet<>();

  /** Author refs ("12\u001fJörg Behler") in the suggester. */
  private final Set<String> added = new HashSet<>();

  /** The newest reader caught up with: its directory and version. */
  private Object directory;

  private long version = -1;

  AuthorSuggester() throws IOException {
    infix =
        new AnalyzingInfixSuggester(
            dir, NameSuggester.wordParts(), NameSuggester.typedWords(), 4, false, true, false);
  }

  /** True when {@code reader} holds changes this suggester has not read. */
  boolean olderThan(IndexReader reader) {
    if (reader instanceof DirectoryReader d && d.directory() == directory) {
      return d.getVersion() > version;
    }
    return true;
  }

  /** Adds the authors of the reader's segments not read before. */
  void catchUp(IndexReader reader) throws IOException {
    Set<Object> current = new HashSet<>();
    boolean changed = false;
    for (LeafReaderContext leaf : reader.leaves()) {
      Object key = leaf.reader().getCoreCacheHelper().getKey();
      current.add(key);
      if (seenSegments.add(key)) {
        changed |= addAuthorsOf(leaf);
      }
    }
    seenSegments.retainAll(current); // merged-away segments never come back
    if (changed) {
      infix.refresh();
    }
    if (reader instanceof DirectoryReader d) {
      directory = d.directory();
      version = d.getVersion();
    }
  }

  private boolean addAuthorsOf(LeafReaderContext leaf) throws IOException {
    Terms terms = leaf.reader().terms(AUTHOR_REF);
    if (terms == null) {
      return false;
    }
    boolean any = false;
    TermsEnum it = terms.iterator();
    for (BytesRef term = it.next(); term != null; term = it.next()) {
      String ref = term.utf8ToString();
      if (added.add(ref)) {
        int sep = ref.indexOf(LABEL_SEPARATOR);
        String name = ref.substring(sep + 1);
        String payload =
            "author" + NameSuggester.SEP + ref.substring(0, sep) + NameSuggester.SEP + name;
        infix.add(
            new BytesRef(name),
            null,
            NameSuggester.TIER.get("author") - Math.min(name.length(), 999),
            new BytesRef(payload.getBytes(StandardCharsets.UTF_8)));
        any = true;
      }
    }
    return any;
  }

  /** Authors with a live paper in {@code live}'s reader and a word starting with each typed one. */
  List<Suggestion> byPrefix(String typed, int n, IndexSearcher live) throws IOException {
    if (added.isEmpty() || !NameSuggester.hasWord(typed)) {
      return List.of();
    }
    List<LookupResult> found =
        infix.lookup(typed, (Set<BytesRef>) null, n * OVERFETCH, true, false);
    List<Suggestion> out = new ArrayList<>();
    for (Suggestion s : NameSuggester.suggestions(found)) {
      String ref = s.id() + LABEL_SEPARATOR + s.text();
      if (out.size() < n && live.count(new TermQuery(new Term(AUTHOR_REF, ref))) > 0) {
        out.add(s);
      }
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    infix.close();
    dir.close();
  }
}
