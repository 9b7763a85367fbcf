package org.mlmdkb.search;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FilterCollector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * The top hits in a sort, leaving out the documents of some types as they are collected, rather
 * than by a type filter in the query. A filter turns a disjunction into a conjunction that Lucene
 * scores one document at a time; without it, a pure disjunction is scored window by window and
 * skips what cannot enter the top (max-score). The types left out are the few hundred methods,
 * datasets and articles when papers are asked for, so each segment marks them from their postings.
 */
final class TopWithoutTypes implements CollectorManager<Collector, TopFieldDocs> {

  private final TopFieldCollectorManager top;
  private final String field;
  private final List<String> left;

  /**
   * The best {@code n} by {@code sort}, without the documents whose {@code field} holds one of
   * {@code left}. Lucene may stop counting hits at {@code n}: the total is counted apart, so the
   * ranking can skip from its first full page.
   */
  TopWithoutTypes(Sort sort, int n, String field, List<String> left) {
    this(sort, n, null, field, left);
  }

  /** As above, from after {@code after} in the sort (a list's next page); null for the first. */
  TopWithoutTypes(Sort sort, int n, FieldDoc after, String field, List<String> left) {
    this.top = new TopFieldCollectorManager(sort, n, after, n);
    this.field = field;
    this.left = left;
  }

  @Override
  public Collector newCollector() throws IOException {
    return new Skipping(top.newCollector());
  }

  /** A top collector that does not see the documents of the types left out. */
  private final class Skipping extends FilterCollector {
    private final TopFieldCollector top;

    Skipping(TopFieldCollector top) {
      super(top);
      this.top = top;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      LeafCollector leaf = super.getLeafCollector(context);
      FixedBitSet skipped = marked(context);
      if (skipped == null) {
        return leaf;
      }
      return new FilterLeafCollector(leaf) {
        @Override
        public void collect(int doc) throws IOException {
          if (!skipped.get(doc)) {
            in.collect(doc);
          }
        }
      };
    }
  }

  /** This segment's documents of the types left out; null when it has none. */
  private FixedBitSet marked(LeafReaderContext context) throws IOException {
    Terms terms = context.reader().terms(field);
    if (terms == null) {
      return null;
    }
    TermsEnum values = terms.iterator();
    FixedBitSet out = null;
    PostingsEnum docs = null;
    for (String value : left) {
      if (!values.seekExact(new BytesRef(value))) {
        continue;
      }
      docs = values.postings(docs, PostingsEnum.NONE);
      if (out == null) {
        out = new FixedBitSet(context.reader().maxDoc());
      }
      for (int d = docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc()) {
        out.set(d);
      }
    }
    return out;
  }

  @Override
  public TopFieldDocs reduce(Collection<Collector> collectors) throws IOException {
    return top.reduce(collectors.stream().map(c -> ((Skipping) c).top).toList());
  }
}
