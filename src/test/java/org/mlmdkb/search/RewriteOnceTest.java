package org.mlmdkb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** A query standing several times in a request's searches is rewritten once per reader. */
class RewriteOnceTest {

  /** Rewrites to a term query and counts how often it was asked to. */
  private static final class CountingQuery extends Query {
    final AtomicInteger rewrites = new AtomicInteger();

    @Override
    public Query rewrite(IndexSearcher searcher) {
      rewrites.incrementAndGet();
      return new TermQuery(new Term("title", "potential"));
    }

    @Override
    public void visit(QueryVisitor visitor) {}

    @Override
    public String toString(String field) {
      return "counting";
    }

    @Override
    public boolean equals(Object other) {
      return this == other;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }

  private static ByteBuffersDirectory index(String... titles) throws Exception {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
      for (String t : titles) {
        Document d = new Document();
        d.add(new TextField("title", t, Field.Store.NO));
        w.addDocument(d);
      }
    }
    return dir;
  }

  @Test
  void aQueryUsedInSeveralPlacesAndSearchesIsRewrittenOnce() throws Exception {
    try (ByteBuffersDirectory dir = index("a potential", "a force field", "potential energy");
        DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher s = new IndexSearcher(reader);
      CountingQuery inner = new CountingQuery();
      Query once = new RewriteOnce(inner);
      Query twice =
          new BooleanQuery.Builder().add(once, Occur.SHOULD).add(once, Occur.SHOULD).build();
      assertEquals(2, s.search(twice, 10).scoreDocs.length);
      assertEquals(2, s.count(twice));
      assertEquals(1, inner.rewrites.get());
    }
  }

  @Test
  void aFuzzyQueryMatchesTheSameDocumentsWrapped() throws Exception {
    try (ByteBuffersDirectory dir =
            index("machine learning potentials", "learned potential", "force field", "potent");
        DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher s = new IndexSearcher(reader);
      FuzzyQuery fuzzy = new FuzzyQuery(new Term("title", "potentail"), 2, 1, 16, true);
      assertEquals(s.count(fuzzy), s.count(new RewriteOnce(fuzzy)));
      assertEquals(2, s.count(new RewriteOnce(fuzzy)));
    }
  }
}
