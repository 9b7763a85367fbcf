package org.mlmdkb.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * A clause with its tier as one query scores as the clause beside its constant tier did, and the
 * top hits that max-score ranking finds with it are those of scoring every match.
 */
class PlusWhenMatchedTest {

  private static final String[] WORDS = {"machine", "learning", "potential", "water", "silicon"};
  private static final float TIER = 10_000f;

  @Test
  void scoresEqualTheClauseBesideItsConstantTier() throws Exception {
    try (ByteBuffersDirectory dir = corpus()) {
      IndexSearcher s = new IndexSearcher(DirectoryReader.open(dir));
      ScoreDoc[] twoClauses = all(s, tiered(false));
      ScoreDoc[] oneClause = all(s, tiered(true));
      assertEquals(twoClauses.length, oneClause.length);
      assertTrue(twoClauses.length > 100, "matches: " + twoClauses.length);
      // Per document: the sums add in another order, so equal scores may differ in the last digit
      // and tied documents trade places.
      Map<Integer, Float> before = new HashMap<>();
      for (ScoreDoc d : twoClauses) {
        before.put(d.doc, d.score);
      }
      for (ScoreDoc d : oneClause) {
        assertTrue(before.containsKey(d.doc), "doc " + d.doc + " matched only as one clause");
        assertEquals(before.get(d.doc), d.score, d.score * 1e-6f, "doc " + d.doc);
        assertEquals(
            d.score, s.explain(tiered(true), d.doc).getValue().floatValue(), d.score * 1e-6f);
      }
      s.getIndexReader().close();
    }
  }

  @Test
  void maxScoreRankingFindsTheTopHitsOfScoringEveryMatch() throws Exception {
    try (ByteBuffersDirectory dir = corpus()) {
      IndexSearcher s = new IndexSearcher(DirectoryReader.open(dir));
      Query q = tiered(true);
      // A threshold of 10 total hits lets Lucene skip what cannot enter the top 10.
      ScoreDoc[] skipping = s.search(q, new TopScoreDocCollectorManager(10, null, 10)).scoreDocs;
      ScoreDoc[] everything = all(s, q);
      assertArrayEquals(
          docs(everything, 10), docs(skipping, 10), "the same top 10 with or without skipping");
      s.getIndexReader().close();
    }
  }

  /** One DisMax clause per word over two fields, each with its tier (as one query or as two). */
  private static Query tiered(boolean asOne) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String w : new String[] {"machine", "learning", "water"}) {
      Query clause =
          new DisjunctionMaxQuery(
              List.of(new TermQuery(new Term("title", w)), new TermQuery(new Term("body", w))),
              0.1f);
      if (asOne) {
        b.add(new PlusWhenMatched(clause, TIER), Occur.SHOULD);
      } else {
        b.add(clause, Occur.SHOULD);
        b.add(IndexQueries.constant(clause, TIER), Occur.SHOULD);
      }
    }
    return b.build();
  }

  private static ScoreDoc[] all(IndexSearcher s, Query q) throws Exception {
    int n = s.getIndexReader().maxDoc();
    return s.search(q, new TopScoreDocCollectorManager(n, null, Integer.MAX_VALUE)).scoreDocs;
  }

  private static int[] docs(ScoreDoc[] hits, int n) {
    int[] out = new int[Math.min(n, hits.length)];
    for (int i = 0; i < out.length; i++) {
      out[i] = hits[i].doc;
    }
    return out;
  }

  /** 2,000 documents of random words, in several segments. */
  private static ByteBuffersDirectory corpus() throws Exception {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    Random random = new Random(42);
    try (IndexWriter w =
        new IndexWriter(
            dir, new IndexWriterConfig(new WhitespaceAnalyzer()).setMaxBufferedDocs(500))) {
      for (int i = 0; i < 2_000; i++) {
        Document d = new Document();
        d.add(new TextField("title", words(random, 1 + random.nextInt(6)), Field.Store.NO));
        d.add(new TextField("body", words(random, 5 + random.nextInt(30)), Field.Store.NO));
        w.addDocument(d);
      }
    }
    return dir;
  }

  private static String words(Random random, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      // Skewed: early words common, later ones rare, as in titles.
      out.add(WORDS[Math.min(WORDS.length - 1, (int) Math.abs(random.nextGaussian() * 2))]);
    }
    return String.join(" ", out);
  }
}
